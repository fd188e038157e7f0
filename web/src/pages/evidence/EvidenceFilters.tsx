import { useState, type FormEvent } from 'react';
import { AUDIT_OUTCOMES, type AuditFilters } from '../../api/audit';
import { SelectField, TextField } from '../../components/Field';
import { FilterActions } from '../../components/FilterActions';
import { isoToLocalInput, localInputToIso } from '../../format';
import { hasFilters } from './filters';

interface EvidenceFiltersProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

type TextKey = 'actor_id' | 'action' | 'target_type' | 'target_id' | 'project_id' | 'request_id';

const TEXT_FIELDS: ReadonlyArray<{ key: TextKey; label: string; placeholder: string }> = [
  { key: 'actor_id', label: 'Actor id', placeholder: 'usr_…' },
  { key: 'action', label: 'Action', placeholder: 'ssh_key.create' },
  { key: 'target_type', label: 'Target type', placeholder: 'ssh_key' },
  { key: 'target_id', label: 'Target id', placeholder: 'key_…' },
  { key: 'project_id', label: 'Project id', placeholder: 'prj_…' },
  { key: 'request_id', label: 'Request id', placeholder: 'req_…' },
];

const OUTCOME_OPTIONS = [
  { value: '', label: 'Any outcome' },
  ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: o })),
];

/** Draft filters; nothing is fetched until "Apply filters". */
export function EvidenceFilters({ filters, onApply }: EvidenceFiltersProps) {
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [since, setSince] = useState(isoToLocalInput(filters.since));
  const [until, setUntil] = useState(isoToLocalInput(filters.until));
  const set = (key: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onApply({ ...draft, since: localInputToIso(since), until: localInputToIso(until) });
  }

  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Evidence filters">
      <div className="filters__grid">
        {TEXT_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            name={f.key}
            type="search"
            value={draft[f.key] ?? ''}
            onChange={set(f.key)}
            placeholder={f.placeholder}
          />
        ))}
        <SelectField
          label="Outcome"
          name="outcome"
          value={draft.outcome ?? ''}
          onChange={set('outcome')}
          options={OUTCOME_OPTIONS}
        />
        <TextField label="Since" name="since" type="datetime-local" value={since} onChange={setSince} hint="Your local time." />
        <TextField label="Until" name="until" type="datetime-local" value={until} onChange={setUntil} hint="Your local time." />
      </div>
      <FilterActions active={hasFilters(filters)} onClear={() => onApply({})} primary />
    </form>
  );
}
