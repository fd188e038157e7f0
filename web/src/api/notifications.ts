import { apiRequest, seg } from './client';

/** An inbox entry of the signed-in user (e.g. "Revoke token succeeded"). */
export interface Notification {
  id: string;
  seq: number;
  kind: string;
  title: string;
  body: string;
  /** Console path, e.g. /operations/op_… */
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage {
  items: Notification[];
  unread_count: number;
  next_cursor: string | null;
}

export const NOTIFICATION_PAGE_SIZE = 20;

export function listNotifications(
  options: { unread?: boolean; cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
) {
  return apiRequest<NotificationPage>('/notifications', {
    signal,
    query: {
      unread: options.unread ? 'true' : undefined,
      cursor: options.cursor ?? undefined,
      limit: options.limit ?? NOTIFICATION_PAGE_SIZE,
    },
  });
}

export function markNotificationRead(id: string) {
  return apiRequest<void>(`/notifications/${seg(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead() {
  return apiRequest<{ marked: number }>('/notifications/read-all', { method: 'POST' });
}

export function deleteNotification(id: string) {
  return apiRequest<void>(`/notifications/${seg(id)}`, { method: 'DELETE' });
}

/** Messages on /ws/notifications. */
export type NotificationMessage =
  | { type: 'notification'; seq: number; notification: Notification }
  /** Several at once, oldest first: a resume's catch-up, or a burst (seq is the last one's). */
  | { type: 'notifications'; seq: number; notifications: Notification[] }
  | { type: 'synced'; seq: number };

/** ws(s)://<this origin>/ws/notifications[?after=<seq>] (the session cookie authenticates it). */
export function notificationSocketUrl(after: number | null, location: Location = window.location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = after !== null ? `?after=${after}` : '';
  return `${scheme}//${location.host}/ws/notifications${query}`;
}

export function parseNotificationMessage(data: unknown): NotificationMessage | null {
  if (typeof data !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const message = parsed as Record<string, unknown>;
  if (typeof message.seq !== 'number') return null;
  if (message.type === 'synced') return { type: 'synced', seq: message.seq };
  if (message.type === 'notifications' && Array.isArray(message.items)) {
    return { type: 'notifications', seq: message.seq, notifications: message.items as Notification[] };
  }
  if (message.type === 'notification' && typeof message.notification === 'object' && message.notification) {
    return { type: 'notification', seq: message.seq, notification: message.notification as Notification };
  }
  return null;
}
