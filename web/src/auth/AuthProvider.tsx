import { useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import { getSession } from '../api/auth';
import { ApiError, isAbortError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { AuthSession, User } from '../api/types';
import { AuthContext, type AuthContextValue, type AuthState } from './AuthContext';

/**
 * Owns the console session: probes GET /auth/session on load, keeps the CSRF
 * token in the API client, and flips to "signed out" whenever any API call
 * answers 401. RequireAuth then sends the user to /login?next=<the page they
 * were on>, and LoginPage returns there after signing in. Signing out (or
 * the session ending) drops the query cache: the next user must not see the
 * previous one's data.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [probe, setProbe] = useState(0);

  const signedIn = useCallback((session: AuthSession) => {
    setCsrfToken(session.csrf_token);
    setState({ status: 'signed_in', session });
  }, []);

  // Optional: AuthProvider also works without an ApiQueryProvider above it.
  const queryClient = useContext(QueryClientContext);

  const signedOut = useCallback(
    (reason: 'ended' | 'missing' = 'missing') => {
      setCsrfToken(null);
      setState({ status: 'signed_out', reason });
      queryClient?.clear();
    },
    [queryClient],
  );

  useEffect(() => setUnauthorizedHandler(() => signedOut('missing')), [signedOut]);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getSession(controller.signal).then(
      (session) => signedIn(session),
      (err: unknown) => {
        if (controller.signal.aborted || isAbortError(err)) return;
        if (err instanceof ApiError && err.status === 401) signedOut('missing');
        else
          setState({
            status: 'error',
            error:
              err instanceof ApiError
                ? err
                : new ApiError({ code: 'internal', message: String(err), status: 0 }),
          });
      },
    );
    return () => controller.abort();
  }, [probe, signedIn, signedOut]);

  const updateUser = useCallback((user: User) => {
    setState((s) =>
      s.status === 'signed_in' ? { status: 'signed_in', session: { ...s.session, user } } : s,
    );
  }, []);

  const retry = useCallback(() => setProbe((n) => n + 1), []);

  const value = useMemo<AuthContextValue>(
    () => ({ state, signedIn, signedOut, updateUser, retry }),
    [state, signedIn, signedOut, updateUser, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
