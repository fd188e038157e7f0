import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isTerminal, listOperations, operationPath, type OperationSummary } from '../../api/operations';
import { FormError } from '../../components/FormError';
import { OperationStateBadge } from '../../components/operations/OperationBadges';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Time } from '../../components/Time';
import { useAction } from '../../hooks/useAction';
import { useLiveResource } from '../../hooks/useResource';
import { utilityRoute } from '../../routes';
import { useDocumentTitle } from '../useDocumentTitle';

const route = utilityRoute('/operations');

/** How often the list is re-read while an operation on it is queued or running. */
export const OPERATIONS_LIST_POLL_MS = 2000;

/** /operations: recent operations the caller may see, newest first. */
export function OperationsListPage() {
  useDocumentTitle(route.label);
  const [more, setMore] = useState<{ items: OperationSummary[]; next: string | null } | null>(null);
  // Live while the first page shows an operation in flight (and no older pages are appended).
  const { state, reload, refreshing } = useLiveResource(
    ['operations', 'list'],
    (signal) => listOperations({}, null, signal),
    (page) => !more && page.items.some((op) => !isTerminal(op.state)),
    OPERATIONS_LIST_POLL_MS,
  );
  const loadMore = useAction();

  const items = state.status === 'ok' ? [...state.data.items, ...(more?.items ?? [])] : [];
  const cursor = state.status === 'ok' ? (more ? more.next : state.data.next_cursor) : null;

  async function onLoadMore() {
    if (!cursor) return;
    const result = await loadMore.run(() => listOperations({}, cursor));
    if (result.ok) {
      setMore((m) => ({ items: [...(m?.items ?? []), ...result.value.items], next: result.value.next_cursor }));
    }
  }

  return (
    <article className="page page--wide">
      <div className="page__header">
        <h1 className="page__title">{route.label}</h1>
        <p className="page__purpose">{route.purpose}</p>
      </div>
      <div className="stack" aria-busy={refreshing || undefined}>
        {state.status === 'loading' && <LoadingState label="Loading operations…" />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
        {state.status === 'ok' &&
          (items.length === 0 ? (
            <EmptyState title="No operations yet.">
              Operations appear here when you revoke a token, disable a user or run another lifecycle change.
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Operations">
                <thead>
                  <tr>
                    <th scope="col">Operation</th>
                    <th scope="col">Target</th>
                    <th scope="col">State</th>
                    <th scope="col">Requested by</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((op) => (
                    <tr key={op.id} data-testid="operation-row">
                      <td>
                        <Link to={operationPath(op.id)}>{op.kind}</Link>
                        <div className="muted small">
                          <code>{op.id}</code>
                        </div>
                      </td>
                      <td>
                        {op.target.type} <strong>{op.target.name || op.target.id}</strong>
                      </td>
                      <td>
                        <OperationStateBadge state={op.state} />
                      </td>
                      <td>{op.requester.label}</td>
                      <td>
                        <Time iso={op.created_at} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        <FormError error={loadMore.error} />
        {cursor && (
          <div className="form__actions">
            <button type="button" className="button" onClick={onLoadMore} disabled={loadMore.pending}>
              {loadMore.pending ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </div>
    </article>
  );
}
