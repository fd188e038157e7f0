import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { ApiError } from '../api/client';
import './ConfirmDialog.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keep Tab and Shift+Tab inside `container` (modal dialogs). Returns true when
 * it moved focus. Ignores keys from elsewhere, e.g. a dialog portaled out of
 * this one whose React events still bubble here.
 */
export function trapTab(e: KeyboardEvent, container: HTMLElement | null): boolean {
  if (e.key !== 'Tab' || !container || !container.contains(e.target as Node)) return false;
  const items = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]'));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    e.preventDefault();
    return true;
  }
  const current = document.activeElement;
  if (e.shiftKey && (current === first || current === container)) {
    e.preventDefault();
    last.focus();
    return true;
  }
  if (!e.shiftKey && current === last) {
    e.preventDefault();
    first.focus();
    return true;
  }
  return false;
}

/** On mount focus `initial` (or the container); on unmount give focus back to the opener. */
export function useModalFocus(container: RefObject<HTMLElement | null>, initial?: () => HTMLElement | null) {
  const initialRef = useRef(initial);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    (initialRef.current?.() ?? container.current)?.focus();
    return () => opener?.focus?.();
  }, [container]);
}

interface ConfirmDialogProps {
  title: string;
  /** What will happen and what cannot be undone. */
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The person must type exactly this (e.g. the resource name) to enable confirm. */
  typedConfirmation?: string;
  /** The action is running: buttons disabled, Escape and backdrop ignored. */
  busy?: boolean;
  /** The server's refusal of the last attempt. */
  error?: ApiError | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Modal confirmation, rendered while mounted (the parent decides when). Focus
 * starts on the typed field, or on Cancel for a dangerous action.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { typedConfirmation, busy, error } = props;
  const titleId = useId();
  const bodyId = useId();
  const inputId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const matches = typedConfirmation === undefined || typed === typedConfirmation;

  useModalFocus(panel, () =>
    panel.current?.querySelector<HTMLElement>('input') ?? (props.danger ? cancel.current : null),
  );

  // Disabling the focused button would drop focus to <body>, outside the trap.
  useEffect(() => {
    if (busy) panel.current?.focus();
  }, [busy]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!busy && matches) props.onConfirm();
  }

  function onKeyDown(e: KeyboardEvent) {
    // Keep keys from reaching a drawer or page this dialog was opened from.
    e.stopPropagation();
    if (e.key === 'Escape' && !busy) props.onCancel();
    else trapTab(e, panel.current);
  }

  return createPortal(
    <div className="ui-dialog-backdrop" onClick={() => !busy && props.onCancel()}>
      <div
        ref={panel}
        className="ui-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="ui-dialog__title">
          {props.title}
        </h2>
        <div id={bodyId} className="ui-dialog__body">
          {props.body}
        </div>
        <form className="ui-dialog__form" onSubmit={onSubmit} noValidate>
          {typedConfirmation !== undefined && (
            <div className="ui-dialog__field">
              <label htmlFor={inputId} className="ui-dialog__label">
                Type <code>{typedConfirmation}</code> to confirm
              </label>
              <input
                id={inputId}
                className="ui-dialog__input"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                disabled={busy}
              />
            </div>
          )}
          {error && (
            <div className="ui-dialog__error" role="alert">
              <p>
                <code>{error.code}</code> {error.message}
              </p>
              {error.correlationId && (
                <p>
                  Reference: <code>{error.correlationId}</code>
                </p>
              )}
            </div>
          )}
          <div className="ui-dialog__actions">
            <button
              type="submit"
              className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
              disabled={busy || !matches}
            >
              {busy ? 'Working…' : props.confirmLabel}
            </button>
            <button ref={cancel} type="button" className="button button--ghost" onClick={props.onCancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}
