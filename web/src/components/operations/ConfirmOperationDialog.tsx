import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ApiError } from '../../api/client';
import type { CatalogOperation, CatalogTarget } from '../../api/operations';
import { TextField } from '../Field';
import { FormError } from '../FormError';
import { DangerBadge } from './OperationBadges';

interface ConfirmOperationDialogProps {
  operation: CatalogOperation;
  target: CatalogTarget;
  pending: boolean;
  /** The server's refusal of the last attempt, if any. */
  error: ApiError | null;
  /** Typed confirmations pass what was typed; plain ones pass "confirm". */
  onConfirm: (confirmation: string | undefined) => void;
  onCancel: () => void;
}

/**
 * Asks before a caution or destructive operation starts. For a typed
 * confirmation the person types the target's name; the server checks it (a
 * wrong name comes back as invalid_argument on "confirmation" and is shown at
 * the field, and nothing starts).
 */
export function ConfirmOperationDialog(props: ConfirmOperationDialogProps) {
  const { operation: op, target } = props;
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState('');
  const isTyped = op.confirmation === 'typed';

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const input = panel.current?.querySelector('input');
    (input ?? panel.current)?.focus();
    return () => previous?.focus?.();
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (props.pending) return;
    if (isTyped) {
      if (!typed) return;
      props.onConfirm(typed);
    } else {
      props.onConfirm(op.confirmation === 'confirm' ? 'confirm' : undefined);
    }
  }

  const dialog = (
    <div
      className="modal-backdrop"
      onClick={(e) => {
        e.stopPropagation();
        if (!props.pending) props.onCancel();
      }}
    >
      <div
        ref={panel}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="confirm-operation"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // Keep Escape from also closing a drawer this card sits in.
          e.stopPropagation();
          if (e.key === 'Escape' && !props.pending) props.onCancel();
        }}
      >
        <h2 id={titleId} className="modal__title">
          {op.title} {target.name}?
        </h2>
        <p className="modal__badges">
          <DangerBadge danger={op.danger} /> <span className="muted small">{op.kind}</span>
        </p>
        <p>{op.description}</p>
        <dl className="kv">
          <div className="kv__row">
            <dt>Expected result</dt>
            <dd>{op.expected_result}</dd>
          </div>
          <div className="kv__row">
            <dt>If it fails</dt>
            <dd>{op.failure_path}</dd>
          </div>
        </dl>
        <form className="form" onSubmit={onSubmit} noValidate aria-label={`Confirm ${op.title}`}>
          {isTyped && (
            <TextField
              label={`Type the ${target.type} name to confirm`}
              name="confirmation"
              value={typed}
              onChange={setTyped}
              error={props.error}
              autoComplete="off"
              hint={
                <>
                  Type <code data-testid="confirmation-text">{op.confirmation_text ?? target.name}</code> exactly.
                </>
              }
              required
            />
          )}
          <FormError error={props.error} fields={isTyped ? ['confirmation'] : []} />
          <div className="form__actions">
            <button
              type="submit"
              className={`button ${op.danger === 'safe' ? 'button--primary' : 'button--danger'}`}
              disabled={props.pending || (isTyped && !typed)}
            >
              {props.pending ? 'Starting…' : op.title}
            </button>
            <button type="button" className="button button--ghost" onClick={props.onCancel} disabled={props.pending}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
  return createPortal(dialog, document.body);
}
