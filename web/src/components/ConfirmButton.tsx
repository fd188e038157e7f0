import { useState } from 'react';

interface ConfirmButtonProps {
  /** Visible text of the first button, e.g. "Delete". */
  label: string;
  /** Accessible name, e.g. "Delete SSH key laptop". */
  ariaLabel?: string;
  /** What will happen, shown while confirming. */
  prompt: string;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown> | void;
  disabled?: boolean;
  /** Why the action is disabled (shown as the button's title and described). */
  disabledReason?: string;
  tone?: 'danger' | 'default';
}

/** A destructive action that asks once before it runs (rule: no bare button clusters). */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const tone = props.tone ?? 'danger';

  if (!confirming) {
    return (
      <button
        type="button"
        className={`button button--small${tone === 'danger' ? ' button--danger-outline' : ''}`}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        title={props.disabled ? props.disabledReason : undefined}
        onClick={() => setConfirming(true)}
      >
        {props.label}
      </button>
    );
  }

  return (
    <span className="confirm" role="group" aria-label={`Confirm: ${props.prompt}`}>
      <span className="confirm__prompt">{props.prompt}</span>
      <button
        type="button"
        className={`button button--small${tone === 'danger' ? ' button--danger' : ''}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setConfirming(false);
          }
        }}
      >
        {props.confirmLabel ?? 'Confirm'}
      </button>
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={busy}
        onClick={() => setConfirming(false)}
      >
        Cancel
      </button>
    </span>
  );
}
