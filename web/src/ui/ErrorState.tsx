import type { ApiError } from '../api/client';
import './ErrorState.css';

interface ErrorStateProps {
  error: ApiError;
  /** Shown as "Try again" (never for permission_denied: retrying cannot help). */
  onRetry?: () => void;
  /** Heading; defaults to a load failure ("Could not load this"). */
  title?: string;
}

function plural(n: number) {
  return `${n} ${n === 1 ? 'second' : 'seconds'}`;
}

/**
 * A failed load: what failed, the server's code and message, the correlation
 * id to quote to support, and a retry where retrying can help.
 */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const denied = error.code === 'permission_denied';
  const heading = title ?? (denied ? 'Your role does not allow this view' : 'Could not load this');
  return (
    <div className="ui-state ui-state--error" role="alert">
      <p className="ui-state__title">{heading}</p>
      <p className="ui-state__text">{error.message}</p>
      <p className="ui-state__text ui-state__meta">
        Error code: <code>{error.code}</code>
      </p>
      {error.code === 'rate_limited' && error.retryAfter != null && (
        <p className="ui-state__text">Too many requests: wait {plural(error.retryAfter)} before trying again.</p>
      )}
      {error.correlationId && (
        <p className="ui-state__text">
          Reference: <code className="ui-state__ref">{error.correlationId}</code>
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
