import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auditExportUrl, auditListQuery, type AuditFilters } from '../../api/audit';
import type { AuditEvent } from '../../api/types';
import { AuditLog } from './AuditLog';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceFilters } from './EvidenceFilters';
import { filtersFromParams, paramsFromFilters } from './filters';

/**
 * The audit log the caller may see (the server decides what that is), used
 * by /evidence and /platform/evidence. Filters are kept in the URL.
 */
export function EvidenceView() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const queryKey = auditListQuery(filters);
  const [selected, setSelected] = useState<AuditEvent | null>(null);

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
    </div>
  );
}
