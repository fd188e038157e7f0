import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Notification } from '../../api/notifications';
import { Badge } from '../../components/Badge';
import { FormError } from '../../components/FormError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Time } from '../../components/Time';
import { useInbox } from '../../notifications/InboxContext';
import { utilityRoute } from '../../routes';
import { useDocumentTitle } from '../useDocumentTitle';

const route = utilityRoute('/notifications');

const LIVE_TEXT = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting',
} as const;

/** /notifications: the inbox, newest first, updated live. */
export function NotificationsPage() {
  useDocumentTitle(route.label);
  const inbox = useInbox();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const items = unreadOnly ? inbox.items.filter((n) => !n.read_at) : inbox.items;
  const unread = inbox.unreadCount ?? 0;

  return (
    <article className="page page--wide">
      <div className="page__header">
        <h1 className="page__title">{route.label}</h1>
        <p className="page__purpose">{route.purpose}</p>
      </div>
      <div className="stack">
        <div className="toolbar">
          <span data-testid="inbox-unread" role="status">
            {inbox.unreadCount === null ? '' : unread === 0 ? 'No unread notifications.' : `${unread} unread`}
          </span>
          <label className="checkbox">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread
            only
          </label>
          <button
            type="button"
            className="button button--small"
            onClick={() => void inbox.markAllRead()}
            disabled={inbox.pending || unread === 0}
          >
            Mark all read
          </button>
          <span className={`live live--${inbox.live}`} data-testid="inbox-live">
            {LIVE_TEXT[inbox.live]}
          </span>
        </div>
        <FormError error={inbox.actionError} />
        {inbox.status === 'loading' && <LoadingState label="Loading notifications…" />}
        {inbox.status === 'error' && inbox.error && <ErrorState error={inbox.error} onRetry={inbox.reload} />}
        {inbox.status === 'ok' &&
          (items.length === 0 ? (
            <EmptyState title={unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}>
              When an operation you started finishes, it is reported here.
            </EmptyState>
          ) : (
            <ul className="inbox" aria-label="Notifications">
              {items.map((n) => (
                <NotificationRow key={n.id} n={n} />
              ))}
            </ul>
          ))}
        {inbox.status === 'ok' && inbox.nextCursor && !unreadOnly && (
          <div className="form__actions">
            <button type="button" className="button" onClick={() => void inbox.loadMore()} disabled={inbox.pending}>
              Load more
            </button>
          </div>
        )}
      </div>
    </article>
  );
}

function NotificationRow({ n }: { n: Notification }) {
  const inbox = useInbox();
  const unread = !n.read_at;
  const internal = n.link.startsWith('/');
  return (
    <li
      className={`inbox__item${unread ? ' inbox__item--unread' : ''}`}
      data-testid="notification"
      data-kind={n.kind}
      data-unread={unread}
    >
      <div className="inbox__main">
        <p className="inbox__title">
          {unread && <Badge tone="info">unread</Badge>} <strong>{n.title}</strong>
        </p>
        <p className="inbox__body">{n.body}</p>
        <p className="inbox__meta small muted">
          <Time iso={n.created_at} />
          {n.link && (
            <>
              {' · '}
              {internal ? (
                <Link
                  to={n.link}
                  onClick={() => {
                    if (unread) void inbox.markRead(n.id);
                  }}
                >
                  {n.link.startsWith('/operations/') ? 'Open the operation' : 'Open'}
                </Link>
              ) : (
                <a href={n.link}>Open</a>
              )}
            </>
          )}
        </p>
      </div>
      <div className="inbox__actions">
        {unread && (
          <button
            type="button"
            className="button button--small"
            aria-label={`Mark ${n.title} read`}
            onClick={() => void inbox.markRead(n.id)}
            disabled={inbox.pending}
          >
            Mark read
          </button>
        )}
        <button
          type="button"
          className="button button--small button--ghost"
          aria-label={`Delete ${n.title}`}
          onClick={() => void inbox.remove(n.id)}
          disabled={inbox.pending}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
