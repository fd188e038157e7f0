import type { ApiError } from '../api/client';

interface FormErrorProps {
  error: ApiError | null;
  /** Fields rendered by the form; an error naming one of them is shown there instead. */
  fields?: readonly string[];
  /** Replace the server message (e.g. a friendlier rate-limit text). */
  message?: string;
}

/**
 * Form-level error, announced by screen readers. The container is always
 * rendered so the live region exists before its text changes.
 */
export function FormError({ error, fields = [], message }: FormErrorProps) {
  const show = error && !(error.field && fields.includes(error.field));
  return (
    <div className="form-error-region" aria-live="assertive">
      {show && (
        <div className="form-error" role="alert" data-testid="form-error">
          <p className="form-error__message">{message ?? error.message}</p>
          {error.correlationId && (
            <p className="form-error__ref">
              Reference: <code>{error.correlationId}</code>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
