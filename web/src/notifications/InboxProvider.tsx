import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAbortError, type ApiError } from '../api/client';
import {
  deleteNotification,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationSocketUrl,
  parseNotificationMessage,
  type Notification,
} from '../api/notifications';
import { toApiError } from '../hooks/toApiError';
import { InboxContext, type InboxValue, type LiveState } from './InboxContext';

/** Reconnect delays of the live feed: 1 s, doubling, at most 30 s. */
export const RECONNECT_BASE_MS = 1000;
export const RECONNECT_MAX_MS = 30_000;

export function reconnectDelay(failures: number) {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, failures));
}

interface InboxData {
  status: 'loading' | 'ok' | 'error';
  error: ApiError | null;
  items: Notification[];
  unreadCount: number | null;
  nextCursor: string | null;
}

/** Merge notifications newest first, each id once (later copies win). */
function merge(current: Notification[], incoming: Notification[]) {
  const byId = new Map<string, Notification>();
  for (const n of current) byId.set(n.id, n);
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.seq - a.seq);
}

/**
 * The signed-in user's inbox: the first page from GET /notifications, then
 * live from /ws/notifications (resuming after the last seq seen, reconnecting
 * with backoff). Shared by the top-bar bell and the /notifications page.
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<InboxData>({
    status: 'loading',
    error: null,
    items: [],
    unreadCount: null,
    nextCursor: null,
  });
  const [live, setLive] = useState<LiveState>('connecting');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [generation, setGeneration] = useState(0);
  /** Highest notification seq this inbox has seen: the resume cursor of the socket. */
  const lastSeq = useRef<number | null>(null);

  const seen = useCallback((seq: number) => {
    if (lastSeq.current === null || seq > lastSeq.current) lastSeq.current = seq;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    function schedule(fn: () => void) {
      if (stopped) return;
      const delay = reconnectDelay(failures);
      failures += 1;
      timer = setTimeout(fn, delay);
    }

    function onNotification(n: Notification) {
      const isNew = lastSeq.current === null || n.seq > lastSeq.current;
      seen(n.seq);
      setData((d) => {
        const known = d.items.some((item) => item.id === n.id);
        return {
          ...d,
          items: merge(d.items, [n]),
          unreadCount:
            isNew && !known && !n.read_at && d.unreadCount !== null ? d.unreadCount + 1 : d.unreadCount,
        };
      });
    }

    function connect() {
      if (stopped) return;
      if (typeof WebSocket === 'undefined') {
        setLive('offline');
        return;
      }
      setLive('connecting');
      let ws: WebSocket;
      try {
        // From the first page's newest seq (0 = everything when the inbox was empty).
        ws = new WebSocket(notificationSocketUrl(lastSeq.current ?? 0));
      } catch {
        setLive('offline');
        schedule(connect);
        return;
      }
      socket = ws;
      ws.onmessage = (event: MessageEvent) => {
        const message = parseNotificationMessage(event.data);
        if (!message) return;
        failures = 0;
        setLive('live');
        if (message.type === 'notification') onNotification(message.notification);
        else if (message.type === 'notifications') message.notifications.forEach(onNotification);
        else seen(message.seq);
      };
      ws.onopen = () => {
        failures = 0;
        setLive('live');
      };
      ws.onclose = () => {
        if (socket !== ws) return;
        socket = null;
        if (stopped) return;
        setLive('offline');
        schedule(connect);
      };
      ws.onerror = () => {
        // onclose follows and schedules the reconnect.
      };
    }

    function load() {
      listNotifications({}, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          failures = 0;
          for (const n of page.items) seen(n.seq);
          setData((d) => ({
            status: 'ok',
            error: null,
            // Keep anything that arrived live meanwhile.
            items: merge(d.items, page.items),
            unreadCount: page.unread_count,
            nextCursor: page.next_cursor,
          }));
          if (!socket) connect();
        },
        (err: unknown) => {
          if (controller.signal.aborted || isAbortError(err)) return;
          const error = toApiError(err);
          setData((d) => ({ ...d, status: d.status === 'ok' ? 'ok' : 'error', error }));
          setLive('offline');
          // Signed out, not allowed, or a server without an inbox: no point in asking again.
          if (error.status === 401 || error.code === 'permission_denied' || error.code === 'not_found') return;
          schedule(load);
        },
      );
    }

    load();
    return () => {
      stopped = true;
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
      if (socket) {
        const ws = socket;
        socket = null;
        ws.onclose = null;
        ws.onmessage = null;
        ws.close();
      }
    };
  }, [generation, seen]);

  const act = useCallback(async (fn: () => Promise<void>) => {
    setPending(true);
    setActionError(null);
    try {
      await fn();
    } catch (err) {
      setActionError(toApiError(err));
    } finally {
      setPending(false);
    }
  }, []);

  const markRead = useCallback(
    (id: string) =>
      act(async () => {
        await markNotificationRead(id);
        const now = new Date().toISOString();
        setData((d) => {
          const target = d.items.find((n) => n.id === id);
          const wasUnread = target ? !target.read_at : false;
          return {
            ...d,
            items: d.items.map((n) => (n.id === id && !n.read_at ? { ...n, read_at: now } : n)),
            unreadCount: d.unreadCount !== null && wasUnread ? Math.max(0, d.unreadCount - 1) : d.unreadCount,
          };
        });
      }),
    [act],
  );

  const markAllRead = useCallback(
    () =>
      act(async () => {
        await markAllNotificationsRead();
        const now = new Date().toISOString();
        setData((d) => ({
          ...d,
          items: d.items.map((n) => (n.read_at ? n : { ...n, read_at: now })),
          unreadCount: 0,
        }));
      }),
    [act],
  );

  const remove = useCallback(
    (id: string) =>
      act(async () => {
        await deleteNotification(id);
        setData((d) => {
          const target = d.items.find((n) => n.id === id);
          const wasUnread = target ? !target.read_at : false;
          return {
            ...d,
            items: d.items.filter((n) => n.id !== id),
            unreadCount: d.unreadCount !== null && wasUnread ? Math.max(0, d.unreadCount - 1) : d.unreadCount,
          };
        });
      }),
    [act],
  );

  const loadMore = useCallback(
    () =>
      act(async () => {
        const cursor = data.nextCursor;
        if (!cursor) return;
        const page = await listNotifications({ cursor });
        setData((d) => ({ ...d, items: merge(d.items, page.items), nextCursor: page.next_cursor }));
      }),
    [act, data.nextCursor],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const value = useMemo<InboxValue>(
    () => ({ ...data, live, actionError, pending, markRead, markAllRead, remove, loadMore, reload }),
    [data, live, actionError, pending, markRead, markAllRead, remove, loadMore, reload],
  );
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}
