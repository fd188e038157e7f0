import { useEffect, useId, useRef, useState } from 'react';
import './CopyField.css';

export interface CopyFieldProps {
  /** What the value is, e.g. 'SSH command'; names the field and its Copy button. */
  label: string;
  value: string;
  /** Keep the label for screen readers only (when the context already shows it). */
  hideLabel?: boolean;
}

/** How long "Copied" stays before the status clears. */
export const COPIED_MS = 2000;

type CopyStatus = 'idle' | 'copied' | 'manual';

/**
 * A read-only monospace value with a Copy button. Uses the async clipboard
 * API; where that is missing or refused (plain http, permissions) it selects
 * the text and asks the user to press Ctrl+C, so copying always works.
 */
export function CopyField({ label, value, hideLabel = false }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<CopyStatus>('idle');

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      // navigator.clipboard is undefined outside secure contexts.
      if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(value);
      setStatus('copied');
      timer.current = setTimeout(() => setStatus('idle'), COPIED_MS);
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setStatus('manual');
    }
  }

  return (
    <div className="ui-copy-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'ui-copy-field__label'}>
        {label}
      </label>
      <div className="ui-copy-field__row">
        <input
          ref={inputRef}
          id={id}
          className="ui-copy-field__value"
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button button--small ui-copy-field__button"
          aria-label={`Copy ${label}`}
          onClick={copy}
        >
          Copy
        </button>
      </div>
      {/* Always mounted so assistive tech notices when its text changes. */}
      <span role="status" aria-live="polite" className="ui-copy-field__status">
        {status === 'copied' && 'Copied'}
        {status === 'manual' && 'Press Ctrl+C to copy'}
      </span>
    </div>
  );
}
