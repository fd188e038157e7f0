import type { ApiError } from '../../api/client';
import type { EntitlementMode } from '../../api/types';
import { TextField, fieldError } from '../../components/Field';

interface Props {
  legend: string;
  name: 'skus' | 'apps';
  draft: { mode: EntitlementMode; allowed: string };
  onChange: (draft: { mode: EntitlementMode; allowed: string }) => void;
  error: ApiError | null;
}

export function EntitlementRuleFields({ legend, name, draft, onChange, error }: Props) {
  const message = fieldError(error, name) ?? fieldError(error, `${name}.allowed`);
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{legend}</legend>
      <label className="checkbox">
        <input
          type="radio"
          name={`${name}-mode`}
          checked={draft.mode === 'all_active'}
          onChange={() => onChange({ ...draft, mode: 'all_active' })}
        />{' '}
        All active
      </label>
      <label className="checkbox">
        <input
          type="radio"
          name={`${name}-mode`}
          checked={draft.mode === 'allow_list'}
          onChange={() => onChange({ ...draft, mode: 'allow_list' })}
        />{' '}
        Allow list
      </label>
      {draft.mode === 'allow_list' && (
        <TextField
          label={`Allowed ${legend}`}
          name={`${name}.allowed`}
          value={draft.allowed}
          onChange={(allowed) => onChange({ ...draft, allowed })}
          message={message}
          multiline
          rows={4}
          hint="One id per line (or comma-separated)."
        />
      )}
    </fieldset>
  );
}
