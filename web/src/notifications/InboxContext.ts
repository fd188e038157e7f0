import { createContext, useContext } from 'react';
import type { ApiError } from '../api/client';
import type { Notification } from '../api/notifications';

export type LiveState = 'connecting' | 'live' | 'offline';

export interface InboxValue {
  status: 'loading' | 'ok' | 'error';
  error: ApiError | null;
  /** Newest first: the first page, anything that arrived live, and pages loaded with loadMore. */
  items: Notification[];
  /** Null until the first page is read. */
  unreadCount: number | null;
  nextCursor: string | null;
  /** The live feed (/ws/notifications). */
  live: LiveState;
  /** The last error of a user action (mark read, delete, …). */
  actionError: ApiError | null;
  pending: boolean;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  remove(id: string): Promise<void>;
  loadMore(): Promise<void>;
  reload(): void;
}

export const InboxContext = createContext<InboxValue | null>(null);

export function useInbox(): InboxValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('useInbox must be used inside <InboxProvider>');
  return value;
}

/** The inbox when there is one (the top bar also renders outside the provider in isolation). */
export function useOptionalInbox(): InboxValue | null {
  return useContext(InboxContext);
}
