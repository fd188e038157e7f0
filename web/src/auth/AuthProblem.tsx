import type { ApiError } from '../api/client';
import { useAuth } from './AuthContext';

/** The session probe failed for a reason other than 401 (server down, 5xx). */
export function AuthProblem({ error }: { error: ApiError }) {
  const { retry } = useAuth();
  return (
    <div className="gate">
      <section className="gate__card" role="alert" aria-labelledby="gate-title">
        <h1 id="gate-title" className="gate__title">
          The console cannot check your session
        </h1>
        <p>{error.message}</p>
        {error.correlationId && (
          <p className="muted">
            Correlation id: <code>{error.correlationId}</code>
          </p>
        )}
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </section>
    </div>
  );
}
