import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auditExportUrl, auditListQuery, getAuditEvent, type AuditFilters } from '../../api/audit';
import type { AuditEvent } from '../../api/types';
import { Drawer } from '../../ui/Drawer';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useResource } from '../../hooks/useResource';
import { AuditLog } from './AuditLog';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceFilters } from './EvidenceFilters';
import { filtersFromParams, paramsFromFilters } from './filters';

/**
 * The audit log the caller may see (the server decides what that is), used
 * by /evidence and /platform/evidence. Filters are kept in the URL;
 * `?event=<audit id>` opens that one entry (activity streams link to it).
 */
export function EvidenceView() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const queryKey = auditListQuery(filters);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const linked = params.get('event');

  function closeLinked() {
    const next = new URLSearchParams(params);
    next.delete('event');
    setParams(next);
  }

  function apply(next: AuditFilters) {
    setSelected(null);
    setParams(paramsFromFilters(next));
  }

  return (
    <div className="stack">
      <EvidenceFilters key={`filters${queryKey}`} filters={filters} onApply={apply} />
      <div className="toolbar">
        <a className="button" href={auditExportUrl(filters)} download data-testid="audit-export">
          Export CSV
        </a>
        <span className="muted small">The export uses the filters above.</span>
      </div>
      <AuditLog key={`log${queryKey}`} filters={filters} onSelect={setSelected} />
      {selected && <EvidenceDrawer event={selected} onClose={() => setSelected(null)} onPivot={apply} />}
      {!selected && linked && <LinkedEvent key={linked} id={linked} onClose={closeLinked} onPivot={apply} />}
    </div>
  );
}

/** The audit entry named by ?event=, read by id. */
function LinkedEvent({
  id,
  onClose,
  onPivot,
}: {
  id: string;
  onClose: () => void;
  onPivot: (filters: AuditFilters) => void;
}) {
  const { state, reload } = useResource(['audit', 'event', id], (signal) => getAuditEvent(id, signal));
  if (state.status === 'ok') return <EvidenceDrawer event={state.data} onClose={onClose} onPivot={onPivot} />;
  return (
    <Drawer title="Audit event" onClose={onClose}>
      {state.status === 'loading' ? (
        <LoadingState label="Loading the audit event…" />
      ) : (
        <ErrorState error={state.error} onRetry={reload} />
      )}
    </Drawer>
  );
}
