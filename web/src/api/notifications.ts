import { api, data } from './client';
import type { Notification, NotificationPage } from './types';

/** An inbox entry of the signed-in user (e.g. "Revoke token succeeded"); `link` is a console path. */
export type { Notification, NotificationPage } from './types';

export const NOTIFICATION_PAGE_SIZE = 20;

export function listNotifications(
  options: { unread?: boolean; cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return data(
    api.GET('/api/v1/notifications', {
      params: {
        query: {
          unread: options.unread ? 'true' : undefined,
          // next_cursor goes back verbatim: a seq as a string of digits (no float round trip).
          cursor: options.cursor || undefined,
          limit: options.limit ?? NOTIFICATION_PAGE_SIZE,
        },
      },
      signal,
    }),
  );
}

export async function markNotificationRead(id: string): Promise<void> {
  await api.POST('/api/v1/notifications/{notification_id}/read', { params: { path: { notification_id: id } } });
}

export function markAllNotificationsRead(): Promise<{ marked: number }> {
  return data(api.POST('/api/v1/notifications/read-all'));
}

export async function deleteNotification(id: string): Promise<void> {
  await api.DELETE('/api/v1/notifications/{notification_id}', { params: { path: { notification_id: id } } });
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
