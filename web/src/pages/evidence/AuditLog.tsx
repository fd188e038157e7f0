import { useState } from 'react';
import { listAudit, type AuditFilters } from '../../api/audit';
import type { AuditEvent } from '../../api/types';
import { FormError } from '../../components/FormError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { AuditTable } from './AuditTable';
import { hasFilters } from './filters';

interface AuditLogProps {
  filters: AuditFilters;
  onSelect: (event: AuditEvent) => void;
}

/** First page on mount (the parent re-mounts it per filter set), then "Load more" by cursor. */
export function AuditLog({ filters, onSelect }: AuditLogProps) {
  const { state, reload } = useResource(['audit', 'list', filters], (signal) => listAudit(filters, null, signal));
  const [more, setMore] = useState<{ items: AuditEvent[]; next: string | null } | null>(null);
  const loadMore = useAction();

  if (state.status === 'loading') return <LoadingState label="Loading audit events…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;

  // Guard for servers that ignore request_id: never show rows from another request.
  const matches = (e: AuditEvent) => !filters.request_id || e.request_id === filters.request_id;
  const items = [...state.data.items, ...(more?.items ?? [])].filter(matches);
  const cursor = more ? more.next : state.data.next_cursor;

  async function onLoadMore() {
    if (!cursor) return;
    const result = await loadMore.run(() => listAudit(filters, cursor));
    if (result.ok) {
      setMore((m) => ({ items: [...(m?.items ?? []), ...result.value.items], next: result.value.next_cursor }));
    }
  }

  return (
    <div className="stack">
      {items.length === 0 ? (
        <EmptyState title={hasFilters(filters) ? 'No audit events match these filters.' : 'No audit events yet.'}>
          {hasFilters(filters)
            ? 'Widen the time range or clear a filter.'
            : 'Every change made through the API or this console is recorded here.'}
        </EmptyState>
      ) : (
        <AuditTable events={items} onSelect={onSelect} />
      )}
      <FormError error={loadMore.error} />
      {cursor ? (
        <div className="form__actions">
          <button type="button" className="button" onClick={onLoadMore} disabled={loadMore.pending}>
            {loadMore.pending ? 'Loading…' : 'Load more'}
          </button>
          <span className="muted small">Showing {items.length} events.</span>
        </div>
      ) : (
        items.length > 0 && <p className="muted small">End of the audit log for these filters ({items.length} events).</p>
      )}
    </div>
  );
}
