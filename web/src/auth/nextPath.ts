import { HOME_PATH, LOGIN_PATH, SIGNUP_PATH } from '../routes';

/** "/login?next=…" for a signed-out visit to `wanted` ("/" needs no next). */
export function loginPathFor(wanted: string) {
  return wanted && wanted !== '/' && safeNext(wanted) !== HOME_PATH
    ? `${LOGIN_PATH}?next=${encodeURIComponent(wanted)}`
    : LOGIN_PATH;
}

/**
 * Where to go after signing in: the remembered path if it is a same-origin
 * console path (no "//host", no auth pages), else the home page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return HOME_PATH;
  }
  const pathname = next.split(/[?#]/)[0] ?? '';
  if (pathname === LOGIN_PATH || pathname === SIGNUP_PATH) return HOME_PATH;
  return next;
}
