import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './Toasts.css';

export type ToastTone = 'info' | 'success' | 'warning' | 'danger';

export interface ToastInput {
  tone?: ToastTone;
  title: string;
  body?: ReactNode;
  /** Auto-dismiss after this long (default 6000); 0 keeps it until dismissed. */
  timeoutMs?: number;
}

export interface ToastApi {
  /** Shows a toast and returns its id. */
  show: (toast: ToastInput) => string;
  dismiss: (id: string) => void;
}

interface Toast extends ToastInput {
  id: string;
}

/** Older toasts drop off so the stack never covers the page. */
export const MAX_TOASTS = 4;
const DEFAULT_TIMEOUT_MS = 6000;

const ToastContext = createContext<ToastApi | null>(null);

/** Throws outside ToastProvider: a missing provider is a wiring bug. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}

/** For components that may render without a provider (tests, embeds): null there. */
export function useOptionalToast(): ToastApi | null {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);

  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = `toast-${++next.current}`;
    setToasts((list) => [...list, { ...toast, id }].slice(-MAX_TOASTS));
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* The region is always present so assistive tech knows it before the first toast. */}
      <div role="region" aria-label="Notifications toasts" className="ui-toasts">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: string) => void }) {
  const tone = toast.tone ?? 'info';
  const timeout = toast.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Hover or focus pauses the timer so nobody loses a toast while reading it.
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused || timeout <= 0) return;
    const timer = setTimeout(() => onDismiss(toast.id), timeout);
    return () => clearTimeout(timer);
  }, [paused, timeout, toast.id, onDismiss]);

  return (
    <div
      className={`ui-toast ui-toast--${tone}`}
      role={tone === 'danger' ? 'alert' : 'status'}
      aria-atomic="true"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="ui-toast__text">
        <p className="ui-toast__title">{toast.title}</p>
        {toast.body && <div className="ui-toast__body">{toast.body}</div>}
      </div>
      <button
        type="button"
        className="ui-toast__close"
        aria-label={`Dismiss: ${toast.title}`}
        onClick={() => onDismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
