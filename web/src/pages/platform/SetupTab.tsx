import { Link } from 'react-router-dom';
import { getPlatformSetup, type SetupItem } from '../../api/fleet';
import { useResource } from '../../hooks/useResource';
import { ActionBand, type ActionBandItem } from '../../ui/ActionBand';
import { DataTable, type DataTableColumn } from '../../ui/DataTable';
import { StateBadge } from '../../ui/StateBadge';
import { Workbench } from '../../ui/Workbench';

/** A console path renders as a router link, anything else (a URL, an API path) as a plain link. */
export function EvidenceLink({ href, label }: { href: string; label: string }) {
  if (href.startsWith('/') && !href.startsWith('/api/') && !href.startsWith('//')) {
    return <Link to={href}>{label}</Link>;
  }
  return (
    <a href={href} rel="noreferrer">
      {label}
    </a>
  );
}

const COLUMNS: DataTableColumn<SetupItem>[] = [
  {
    id: 'title',
    header: 'Item',
    cell: (item) => (
      <>
        <strong id={`setup-${item.id}`} tabIndex={-1}>
          {item.title}
        </strong>
        {item.detail && <div className="muted small">{item.detail}</div>}
      </>
    ),
    sortValue: (item) => item.title,
  },
  { id: 'state', header: 'State', cell: (item) => <StateBadge state={item.state} />, sortValue: (item) => item.state },
  { id: 'owner', header: 'Owner', cell: (item) => item.owner, sortValue: (item) => item.owner },
  { id: 'next', header: 'Next action', cell: (item) => item.next_action || '—' },
  {
    id: 'evidence',
    header: 'Evidence',
    cell: (item) =>
      item.evidence_link ? (
        <EvidenceLink href={item.evidence_link} label={`Evidence for ${item.title}`} />
      ) : (
        <span className="muted">none yet</span>
      ),
  },
];

const SEVERITY = { unsafe: 'danger', missing: 'warning', stale: 'warning' } as const;

function needsAction(items: SetupItem[]): ActionBandItem[] {
  return items
    .filter((item) => item.state !== 'configured')
    .map((item) => ({
      id: item.id,
      title: `${item.title}: ${item.state}`,
      reason: item.next_action || item.detail,
      severity: SEVERITY[item.state as keyof typeof SEVERITY] ?? 'info',
      action: item.evidence_link?.startsWith('/') && !item.evidence_link.startsWith('/api/')
        ? { label: 'Open', to: item.evidence_link }
        : { label: 'Show item', onClick: () => document.getElementById(`setup-${item.id}`)?.focus() },
    }));
}

/** /platform/setup: the operator setup checklist of this installation. */
export function SetupTab() {
  const { state, reload, refreshing } = useResource(['platform', 'setup'], (signal) => getPlatformSetup(signal));
  const items = state.status === 'ok' ? state.data.items : [];
  return (
    <div className="stack" aria-busy={refreshing || undefined}>
      <Workbench
        actionBand={
          state.status === 'ok' ? (
            <ActionBand
              headingLevel={3}
              items={needsAction(items)}
              emptyText="Every setup item is configured."
            />
          ) : undefined
        }
      >
        <DataTable
          caption="Setup checklist"
          columns={COLUMNS}
          rows={items}
          getRowId={(item) => item.id}
          loading={state.status === 'loading'}
          error={state.status === 'error' ? state.error : null}
          onRetry={reload}
          empty={{ title: 'The server reports no setup items.' }}
        />
      </Workbench>
    </div>
  );
}
