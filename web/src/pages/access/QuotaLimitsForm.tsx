import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import type { QuotaLimits } from '../../api/types';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { parseLimit } from '../../parse';

const FIELDS = ['max_gpus', 'max_workloads'] as const;

interface QuotaLimitsFormProps {
  title: string;
  description: string;
  initial: QuotaLimits;
  submitLabel: string;
  save: (limits: QuotaLimits) => Promise<unknown>;
  onSaved: () => void;
  children?: ReactNode;
}

const asText = (n: number | null) => (n === null ? '' : String(n));

export function QuotaLimitsForm(props: QuotaLimitsFormProps) {
  const [gpus, setGpus] = useState(asText(props.initial.max_gpus));
  const [workloads, setWorkloads] = useState(asText(props.initial.max_workloads));
  const [saved, setSaved] = useState(false);
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const max_gpus = parseLimit(gpus);
    const max_workloads = parseLimit(workloads);
    const bad = max_gpus === undefined ? 'max_gpus' : max_workloads === undefined ? 'max_workloads' : null;
    if (bad || max_gpus === undefined || max_workloads === undefined) {
      action.setError(
        new ApiError({
          code: 'invalid_argument',
          message: 'Enter a whole number (0 or more), or leave it empty for unlimited.',
          status: 400,
          field: bad,
        }),
      );
      return;
    }
    const result = await action.run(() => props.save({ max_gpus, max_workloads }));
    if (result.ok) {
      setSaved(true);
      props.onSaved();
    }
  }

  return (
    <form className="form form--bordered" onSubmit={onSubmit} noValidate aria-label={props.title}>
      <h4 className="subheading">{props.title}</h4>
      <p className="muted small">{props.description}</p>
      <TextField
        label="Max GPUs"
        name="max_gpus"
        type="number"
        min={0}
        value={gpus}
        onChange={setGpus}
        error={action.error}
        hint="Empty = unlimited."
      />
      <TextField
        label="Max workloads"
        name="max_workloads"
        type="number"
        min={0}
        value={workloads}
        onChange={setWorkloads}
        error={action.error}
        hint="Empty = unlimited."
      />
      <FormError error={action.error} fields={FIELDS} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={action.pending}>
          {action.pending ? 'Saving…' : props.submitLabel}
        </button>
        {props.children}
        <span role="status" className="form__status">
          {saved && 'Saved.'}
        </span>
      </div>
    </form>
  );
}
