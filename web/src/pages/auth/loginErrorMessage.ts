import type { ApiError } from '../../api/client';

/** The server's generic wording for a bad email/password pair. */
export const BAD_LOGIN_FALLBACK = 'email or password is incorrect';

/** What the sign-in form says for an error. */
export function loginErrorMessage(error: ApiError): string {
  if (error.status === 429) {
    return error.retryAfter !== null
      ? `Too many sign-in attempts. Try again in ${error.retryAfter} ${error.retryAfter === 1 ? 'second' : 'seconds'}.`
      : 'Too many sign-in attempts. Wait a moment and try again.';
  }
  if (error.status === 401) return error.message || BAD_LOGIN_FALLBACK;
  return error.message;
}
