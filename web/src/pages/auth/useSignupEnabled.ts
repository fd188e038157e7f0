import { getAuthConfig } from '../../api/auth';
import { useResource } from '../../hooks/useResource';

/** true / false from GET /auth/config; null while loading or when it failed. */
export function useSignupEnabled(): boolean | null {
  const { state } = useResource(['auth', 'config'], (signal) => getAuthConfig(signal));
  return state.status === 'ok' ? state.data.signup_enabled === true : null;
}
