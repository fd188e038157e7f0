import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

/** Waiting for data. aria-busy lets tests and assistive tech know. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p className="state state--loading" aria-busy="true" role="status">
      {label}
    </p>
  );
}

/** Nothing to list, said explicitly (never sample rows). */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children && <div className="state__text">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const denied = error.code === 'permission_denied';
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">
        {denied ? 'Your role does not allow this view' : 'Could not load this'}
      </p>
      <p className="state__text">{error.message}</p>
      {error.correlationId && (
        <p className="state__text">
          Reference: <code>{error.correlationId}</code>
        </p>
      )}
      {onRetry && !denied && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
