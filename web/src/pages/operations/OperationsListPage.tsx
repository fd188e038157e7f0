import { useState } from 'react';
import { isTerminal, listOperations, operationPath, type OperationSummary } from '../../api/operations';
import { OperationStateBadge } from '../../components/operations/OperationBadges';
import { Time } from '../../components/Time';
import { useAction } from '../../hooks/useAction';
import { useLiveResource } from '../../hooks/useResource';
import { utilityRoute } from '../../routes';
import { ActionBand, type ActionBandItem } from '../../ui/ActionBand';
import { DataTable, type DataTableColumn } from '../../ui/DataTable';
import { Workbench } from '../../ui/Workbench';
import { useDocumentTitle } from '../useDocumentTitle';

const route = utilityRoute('/operations');

/** How often the list is re-read while an operation on it is queued or running. */
export const OPERATIONS_LIST_POLL_MS = 2000;

const targetText = (op: OperationSummary) => `${op.target.type} ${op.target.name || op.target.id}`;

const COLUMNS: DataTableColumn<OperationSummary>[] = [
  { id: 'kind', header: 'Operation', cell: (op) => op.kind, sortValue: (op) => op.kind },
  {
    id: 'target',
    header: 'Target',
    cell: (op) => (
      <>
        {op.target.type} <strong>{op.target.name || op.target.id}</strong>
      </>
    ),
    sortValue: targetText,
  },
  { id: 'state', header: 'State', cell: (op) => <OperationStateBadge state={op.state} />, sortValue: (op) => op.state },
  { id: 'requester', header: 'Requested by', cell: (op) => op.requester.label, sortValue: (op) => op.requester.label },
  { id: 'created', header: 'Created', cell: (op) => <Time iso={op.created_at} />, sortValue: (op) => op.created_at },
];

/** Failed operations are what needs action: each leads to its page (retry, error, evidence). */
function failedItems(ops: OperationSummary[]): ActionBandItem[] {
  return ops
    .filter((op) => op.state === 'failed')
    .slice(0, 5)
    .map((op) => ({
      id: op.id,
      title: `${op.kind} failed on ${targetText(op)}`,
      reason: op.error?.message ?? 'The operation failed.',
      severity: 'danger',
      action: { label: 'Inspect', to: operationPath(op.id) },
    }));
}

/** /operations: a workbench of recent operations the caller may see, newest first. */
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
      <Workbench
        actionBand={
          state.status === 'ok' ? (
            <ActionBand items={failedItems(items)} emptyText="No failed operation needs your action." />
          ) : undefined
        }
      >
        <div aria-busy={refreshing || undefined}>
          <DataTable
            caption="Operations"
            captionHidden
            columns={COLUMNS}
            rows={items}
            getRowId={(op) => op.id}
            rowHref={(op) => operationPath(op.id)}
            loading={state.status === 'loading'}
            error={state.status === 'error' ? state.error : (loadMore.error ?? null)}
            onRetry={state.status === 'error' ? reload : onLoadMore}
            filter={{
              label: 'Filter operations',
              placeholder: 'kind, target, state or requester',
              match: (op, text) =>
                `${op.kind} ${targetText(op)} ${op.state} ${op.requester.label}`.toLowerCase().includes(text.toLowerCase()),
            }}
            hasMore={Boolean(cursor)}
            onLoadMore={onLoadMore}
            loadingMore={loadMore.pending}
            empty={{
              title: 'No operations yet.',
              body: 'Operations appear here when you revoke a token, disable a user or run another lifecycle change.',
            }}
          />
        </div>
      </Workbench>
    </article>
  );
}
