import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  certificateNeedsAction,
  listNodes,
  listSites,
  NODE_STATES,
  nodePath,
  onboardPath,
  type NodeCounts,
  type NodeFilters,
  type NodeState,
  type NodeSummary,
} from '../../api/fleet';
import { listOperations, operationPath, type OperationSummary } from '../../api/operations';
import { SelectField, TextField } from '../../components/Field';
import { Badge } from '../../components/Badge';
import { FilterActions } from '../../components/FilterActions';
import { Time } from '../../components/Time';
import { plural } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { ActionBand, type ActionBandItem } from '../../ui/ActionBand';
import { ContextStrip } from '../../ui/ContextStrip';
import { DataTable, type DataTableColumn } from '../../ui/DataTable';
import { StateBadge } from '../../ui/StateBadge';
import { Workbench } from '../../ui/Workbench';

/** How often the fleet is re-read while the page is shown (nodes come and go on their own). */
export const FLEET_POLL_MS = 10_000;

const LIFECYCLE = '/platform/lifecycle';
const FILTER_KEYS = ['state', 'site_id', 'gpu_model', 'q'] as const;

function filtersFrom(params: URLSearchParams): NodeFilters {
  const state = params.get('state') ?? '';
  return {
    state: (NODE_STATES as readonly string[]).includes(state) ? (state as NodeState) : '',
    site_id: params.get('site_id') ?? '',
    gpu_model: params.get('gpu_model') ?? '',
    q: params.get('q') ?? '',
  };
}

function hasFilters(f: NodeFilters) {
  return FILTER_KEYS.some((k) => Boolean(f[k]));
}

export function NodeGpus({ node }: { node: Pick<NodeSummary, 'gpu_count' | 'gpu_model'> }) {
  if (node.gpu_count === 0) return <span className="muted">no GPUs</span>;
  return (
    <>
      {node.gpu_count} × {node.gpu_model ?? 'unknown model'}
    </>
  );
}

/** The node's state badge, plus the simulated marker wherever a node is shown. */
export function NodeStateCell({ node }: { node: Pick<NodeSummary, 'state' | 'simulated'> }) {
  return (
    <>
      <StateBadge state={node.state} />
      {node.simulated && (
        <>
          {' '}
          <Badge tone="info">Simulated</Badge>
        </>
      )}
    </>
  );
}

const COLUMNS: DataTableColumn<NodeSummary>[] = [
  { id: 'name', header: 'Node', cell: (n) => n.name, sortValue: (n) => n.name },
  { id: 'state', header: 'State', cell: (n) => <NodeStateCell node={n} />, sortValue: (n) => n.state },
  { id: 'site', header: 'Site', cell: (n) => n.site_name, sortValue: (n) => n.site_name },
  { id: 'gpus', header: 'GPUs', cell: (n) => <NodeGpus node={n} />, sortValue: (n) => n.gpu_count },
  { id: 'agent', header: 'Agent', cell: (n) => n.agent_version ?? '—', sortValue: (n) => n.agent_version ?? '' },
  {
    id: 'heartbeat',
    header: 'Last heartbeat',
    cell: (n) => <Time iso={n.last_heartbeat_at} empty="never" />,
    sortValue: (n) => n.last_heartbeat_at ?? '',
  },
  {
    id: 'certificate',
    header: 'Certificate',
    cell: (n) => <StateBadge state={n.certificate.state} />,
    sortValue: (n) => n.certificate.state,
  },
];

/** What needs action: offline nodes, certificates, failed node operations. */
function actionItems(counts: NodeCounts | null, nodes: NodeSummary[], failed: OperationSummary[]): ActionBandItem[] {
  const items: ActionBandItem[] = [];
  if (counts && counts.offline > 0) {
    items.push({
      id: 'offline',
      title: `${plural(counts.offline, 'node')} offline`,
      reason: 'No heartbeat within the offline window: the agent stopped, the host is down or the network is cut.',
      severity: 'danger',
      action: { label: 'Show offline nodes', to: `${LIFECYCLE}?state=offline` },
    });
  }
  for (const node of nodes.filter((n) => certificateNeedsAction(n.certificate.state)).slice(0, 5)) {
    const state = node.certificate.state;
    items.push({
      id: `cert-${node.id}`,
      title: `Certificate of ${node.name} ${state === 'renewal_due' ? 'is due for renewal' : `is ${state}`}`,
      reason:
        state === 'renewal_due'
          ? 'The agent renews on its own while connected; if it does not, rotate the certificate.'
          : 'The agent cannot connect with it: rotate the certificate or re-enroll the node.',
      severity: state === 'renewal_due' ? 'warning' : 'danger',
      action: { label: 'Open node', to: `${nodePath(node.id)}?tab=overview` },
    });
  }
  for (const op of failed.slice(0, 5)) {
    items.push({
      id: `op-${op.id}`,
      title: `${op.kind} failed on ${op.target.name || op.target.id}`,
      reason: op.error?.message ?? 'The operation failed.',
      severity: 'danger',
      action: { label: 'Inspect', to: operationPath(op.id) },
    });
  }
  return items;
}

/** /platform/lifecycle: the fleet workbench (platform admins). */
export function LifecycleTab() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const key = JSON.stringify(filters);

  const nodes = useResource(['fleet', 'nodes', filters], (signal) => listNodes(filters, null, signal), {
    refetchInterval: FLEET_POLL_MS,
  });
  const sites = useResource(['fleet', 'sites'], (signal) => listSites(signal));
  const failed = useResource(['operations', 'list', 'node', 'failed'], (signal) =>
    listOperations({ target_type: 'node', state: 'failed' }, null, signal, 5),
  );
  const [more, setMore] = useState<{ key: string; items: NodeSummary[]; next: string | null } | null>(null);
  const loadMore = useAction();
  const extra = more?.key === key ? more : null;

  const page = nodes.state.status === 'ok' ? nodes.state.data : null;
  const rows = page ? [...page.items, ...(extra?.items ?? [])] : [];
  const cursor = page ? (extra ? extra.next : page.next_cursor) : null;
  const counts = page?.counts ?? null;

  async function onLoadMore() {
    if (!cursor) return;
    const result = await loadMore.run(() => listNodes(filters, cursor));
    if (result.ok) {
      setMore({ key, items: [...(extra?.items ?? []), ...result.value.items], next: result.value.next_cursor });
    }
  }

  function apply(next: NodeFilters) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const k of FILTER_KEYS) {
          const v = next[k];
          if (v) out.set(k, v);
          else out.delete(k);
        }
        return out;
      },
      { replace: true },
    );
  }

  const emptyFleet = counts !== null && counts.total === 0;
  const filtered = hasFilters(filters);

  return (
    <div className="stack" aria-busy={nodes.refreshing || undefined}>
      <div className="toolbar">
        <Link to={onboardPath()} className="button button--primary" data-testid="onboard-node">
          Onboard a node
        </Link>
      </div>
      {counts && (
        <ContextStrip
          label="Nodes by state"
          items={[
            { label: 'Total', value: counts.total },
            ...NODE_STATES.map((s) => ({
              label: s.charAt(0).toUpperCase() + s.slice(1),
              value: (
                <Link to={`${LIFECYCLE}?state=${s}`} aria-label={`${counts[s]} ${s}: show them`}>
                  {counts[s]}
                </Link>
              ),
            })),
          ]}
        />
      )}
      <Workbench
        actionBand={
          page ? (
            <ActionBand
              headingLevel={3}
              items={actionItems(counts, rows, failed.state.status === 'ok' ? failed.state.data.items : [])}
              emptyText="No node needs your action: none offline, no certificate due, no failed node operation."
            />
          ) : undefined
        }
        filters={
          <NodeFilterForm
            key={key}
            filters={filters}
            sites={sites.state.status === 'ok' ? sites.state.data.items : []}
            onApply={apply}
          />
        }
      >
        <DataTable
          caption="Nodes"
          captionHidden
          columns={COLUMNS}
          rows={rows}
          getRowId={(n) => n.id}
          rowHref={(n) => nodePath(n.id)}
          loading={nodes.state.status === 'loading'}
          error={nodes.state.status === 'error' ? nodes.state.error : (loadMore.error ?? null)}
          onRetry={nodes.state.status === 'error' ? nodes.reload : onLoadMore}
          hasMore={Boolean(cursor)}
          onLoadMore={onLoadMore}
          loadingMore={loadMore.pending}
          empty={
            emptyFleet && !filtered
              ? {
                  title: 'No nodes in this fleet yet.',
                  body: 'A node joins when its agent enrolls with a one-time bootstrap token. The onboarding guide walks you through it and shows the host come online live.',
                  action: (
                    <Link to={onboardPath()} className="button button--primary">
                      Onboard the first node
                    </Link>
                  ),
                }
              : {
                  title: filtered ? 'No nodes match these filters.' : 'No nodes to show.',
                  body: filtered ? 'The filters are applied by the server to the whole fleet.' : undefined,
                  action: filtered ? (
                    <button type="button" className="button button--small" onClick={() => apply({})}>
                      Clear filters
                    </button>
                  ) : undefined,
                }
          }
        />
      </Workbench>
    </div>
  );
}

const STATE_OPTIONS = [
  { value: '', label: 'Any state' },
  ...NODE_STATES.map((s) => ({ value: s, label: s })),
];

function NodeFilterForm({
  filters,
  sites,
  onApply,
}: {
  filters: NodeFilters;
  sites: { id: string; name: string }[];
  onApply: (f: NodeFilters) => void;
}) {
  const [draft, setDraft] = useState<NodeFilters>(filters);
  const set = (k: keyof NodeFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  // Selects apply at once; the text fields on submit.
  const choose = (k: 'state' | 'site_id') => (v: string) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    onApply(next);
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
  }
  const siteOptions = [{ value: '', label: 'Any site' }, ...sites.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Node filters">
      <div className="filters__grid">
        <SelectField label="State" name="state" value={draft.state ?? ''} onChange={choose('state')} options={STATE_OPTIONS} />
        <SelectField label="Site" name="site_id" value={draft.site_id ?? ''} onChange={choose('site_id')} options={siteOptions} />
        <TextField
          label="GPU model"
          name="gpu_model"
          type="search"
          value={draft.gpu_model ?? ''}
          onChange={set('gpu_model')}
          placeholder="NVIDIA H100 80GB HBM3"
        />
        <TextField label="Search" name="q" type="search" value={draft.q ?? ''} onChange={set('q')} placeholder="name, hostname or id" />
      </div>
      <FilterActions active={hasFilters(filters)} onClear={() => onApply({})} />
    </form>
  );
}
