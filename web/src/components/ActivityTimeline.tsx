import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { listActivity, type ActivityItem } from '../api/activity';
import { operationPath } from '../api/operations';
import { useAction } from '../hooks/useAction';
import { useResource } from '../hooks/useResource';
import { Badge } from './Badge';
import { FormError } from './FormError';
import { outcomeTone } from './operations/OperationBadges';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { Time } from './Time';

interface ActivityTimelineProps {
  resource: { type: string; id: string };
  title?: string;
  /** Change it to read the stream again from the newest entry (e.g. after an operation). */
  refreshKey?: unknown;
}

/** Console path of one audit entry (the Evidence page opens it in its drawer). */
export function auditEntryPath(auditId: string) {
  return `/evidence?event=${encodeURIComponent(auditId)}`;
}

/**
 * The activity stream of one resource, newest first: audited changes and
 * operations, each pivoting to its operation page or audit entry. More by
 * cursor.
 */
export function ActivityTimeline({ resource, title = 'Activity', refreshKey }: ActivityTimelineProps) {
  const headingId = useId();
  const { state, reload, refreshing } = useResource(['activity', resource.type, resource.id], (signal) =>
    listActivity(resource, null, signal),
  );
  const [more, setMore] = useState<{ items: ActivityItem[]; next: string | null } | null>(null);
  const loadMore = useAction();

  const [seenKey, setSeenKey] = useState(refreshKey);
  useEffect(() => {
    if (Object.is(seenKey, refreshKey)) return;
    setSeenKey(refreshKey);
    setMore(null);
    reload();
  }, [refreshKey, seenKey, reload]);

  function refresh() {
    setMore(null);
    reload();
  }

  const items = state.status === 'ok' ? [...state.data.items, ...(more?.items ?? [])] : [];
  const cursor = state.status === 'ok' ? (more ? more.next : state.data.next_cursor) : null;

  async function onLoadMore() {
    if (!cursor) return;
    const result = await loadMore.run(() => listActivity(resource, cursor));
    if (result.ok) {
      setMore((m) => ({ items: [...(m?.items ?? []), ...result.value.items], next: result.value.next_cursor }));
    }
  }

  return (
    <section
      className="card timeline"
      aria-labelledby={headingId}
      aria-busy={refreshing || undefined}
      data-testid="activity-timeline"
    >
      <div className="card__header">
        <h3 id={headingId} className="card__title">
          {title}
        </h3>
        <button type="button" className="button button--small" onClick={refresh} disabled={refreshing}>
          Refresh
        </button>
      </div>
      {state.status === 'loading' && <LoadingState label="Loading activity…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (items.length === 0 ? (
          <EmptyState title="No activity recorded yet.">
            Changes and operations on this {resource.type} appear here.
          </EmptyState>
        ) : (
          <ol className="timeline__list" aria-label={`${title}, newest first`}>
            {items.map((item) => (
              <li
                key={item.id}
                className="timeline__item"
                data-testid="activity-item"
                data-kind={item.kind}
                data-operation-id={item.operation_id ?? undefined}
              >
                <div className="timeline__line">
                  <span className="timeline__title">{item.title}</span>{' '}
                  <Badge tone={outcomeTone(item.outcome)}>{item.outcome}</Badge>
                </div>
                <div className="timeline__meta small muted">
                  <Time iso={item.occurred_at} />
                  {item.actor && <> · by {item.actor}</>}
                </div>
                {(item.operation_id || item.audit_id) && (
                  <div className="timeline__pivots small">
                    {item.operation_id && (
                      <Link to={operationPath(item.operation_id)} aria-label={`Operation ${item.operation_id}`}>
                        Operation
                      </Link>
                    )}
                    {item.audit_id && (
                      <Link to={auditEntryPath(item.audit_id)} aria-label={`Audit entry ${item.audit_id}`}>
                        Audit entry
                      </Link>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        ))}
      <FormError error={loadMore.error} />
      {cursor && (
        <div className="form__actions">
          <button type="button" className="button button--small" onClick={onLoadMore} disabled={loadMore.pending}>
            {loadMore.pending ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
