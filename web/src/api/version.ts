/** Shape returned by GET /api/v1/version on the control plane. */
export interface ServerVersion {
  name: string;
  version: string;
  commit: string;
  build_type: string;
}

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
 * payloads that do not match the expected shape; callers show
 * "version unavailable" in that case rather than inventing a value.
 */
export async function fetchServerVersion(signal?: AbortSignal): Promise<ServerVersion> {
  const res = await fetch(VERSION_ENDPOINT, {
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!res.ok) {
    throw new Error(`GET ${VERSION_ENDPOINT} failed: HTTP ${res.status}`);
  }
  const body: unknown = await res.json();
  if (!isServerVersion(body)) {
    throw new Error(`GET ${VERSION_ENDPOINT} returned an unexpected payload`);
  }
  return body;
}
