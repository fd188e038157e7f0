import { useId, type ChangeEvent, type ReactNode } from 'react';
import type { ApiError } from '../api/client';

/** The error message to show next to field `name`, if the ApiError names it. */
export function fieldError(error: ApiError | null | undefined, name: string): string | null {
  return error && error.field === name ? error.message : null;
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  /** Request field name; an ApiError whose details.field equals it is shown here. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: ApiError | null;
  /** A client-side message for this field (takes precedence). */
  message?: string | null;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'search';
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
  list?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const error = props.message ?? fieldError(props.error, props.name);
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    props.onChange(e.target.value);
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      {(describedBy) =>
        props.multiline ? (
          <textarea
            id={id}
            name={props.name}
            className="field__input field__input--multiline"
            value={props.value}
            onChange={onChange}
            rows={props.rows ?? 4}
            required={props.required}
            readOnly={props.readOnly}
            disabled={props.disabled}
            placeholder={props.placeholder}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        ) : (
          <input
            id={id}
            name={props.name}
            className="field__input"
            type={props.type ?? 'text'}
            value={props.value}
            onChange={onChange}
            autoComplete={props.autoComplete}
            required={props.required}
            readOnly={props.readOnly}
            disabled={props.disabled}
            min={props.min}
            max={props.max}
            placeholder={props.placeholder}
            list={props.list}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        )
      }
    </FieldFrame>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: ReadonlyArray<{ value: V; label: string }>;
  error?: ApiError | null;
  hint?: ReactNode;
  disabled?: boolean;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const id = useId();
  const error = fieldError(props.error, props.name);
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          name={props.name}
          className="field__input"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as V)}
          disabled={props.disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
