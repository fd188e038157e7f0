import { api, data, expectUnauthorized } from './client';
import type { components } from './schema.gen';

/**
 * Shape returned by GET /api/v1/version on the control plane (VersionInfo).
 * Only the fields the console shows are checked at run time; `api_version`
 * is optional here so an older server still gets its version shown.
 */
export type ServerVersion = Omit<components['schemas']['VersionInfo'], 'api_version'> &
  Partial<Pick<components['schemas']['VersionInfo'], 'api_version'>>;

export const VERSION_ENDPOINT = '/api/v1/version';

function isServerVersion(value: unknown): value is ServerVersion {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    typeof v.version === 'string' &&
    v.version.length > 0 &&
    typeof v.commit === 'string' &&
    typeof v.build_type === 'string'
  );
}

/**
 * Fetch the server version. Rejects on network errors, non-2xx responses and
 * payloads that do not match the expected shape (an HTML fallback page, for
 * one); callers show "version unavailable" in that case rather than
 * inventing a value.
 */
export async function fetchServerVersion(signal?: AbortSignal): Promise<ServerVersion> {
  // The version is public: a 401 here says nothing about the session.
  const body: unknown = await data(api.GET('/api/v1/version', { signal, middleware: [expectUnauthorized] }));
  if (!isServerVersion(body)) {
    throw new Error(`GET ${VERSION_ENDPOINT} returned an unexpected payload`);
  }
  return body;
}
