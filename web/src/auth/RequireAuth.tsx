import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthContext';
import { AuthProblem } from './AuthProblem';
import { LOGIN_PATH } from '../routes';
import { loginPathFor } from './nextPath';

/** Renders its children only with a session; otherwise /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="gate" aria-busy="true">
        <p className="gate__text">Checking your session…</p>
      </div>
    );
  }
  if (state.status === 'error') return <AuthProblem error={state.error} />;
  if (state.status === 'signed_out') {
    const to = state.reason === 'ended' ? LOGIN_PATH : loginPathFor(location.pathname + location.search);
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}
