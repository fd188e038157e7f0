import { createContext, useContext } from 'react';
import type { ApiError } from '../api/client';
import type { AuthSession, User } from '../api/types';

export type AuthState =
  | { status: 'loading' }
  /**
   * `ended`: the user signed out here (go to plain /login).
   * `missing`: no session, or it expired/was revoked elsewhere (remember the page).
   */
  | { status: 'signed_out'; reason: 'ended' | 'missing' }
  | { status: 'signed_in'; session: AuthSession }
  | { status: 'error'; error: ApiError };

export interface AuthContextValue {
  state: AuthState;
  /** After login/signup: store the session and its CSRF token. */
  signedIn(session: AuthSession): void;
  /** Forget the session locally: 'ended' after a sign-out here, 'missing' after a 401. */
  signedOut(reason?: 'ended' | 'missing'): void;
  /** Replace the user after a profile change. */
  updateUser(user: User): void;
  /** Probe GET /auth/session again (after a network failure). */
  retry(): void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only call below <RequireAuth>. */
export function useCurrentUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signed_in') throw new Error('useCurrentUser needs a signed-in session');
  return state.session.user;
}
