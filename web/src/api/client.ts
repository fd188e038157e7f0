/**
 * The console's one HTTP client for /api/v1.
 *
 * - same-origin credentials (the session cookie is HttpOnly),
 * - JSON in and out,
 * - `X-CSRF-Token` on every POST/PUT/PATCH/DELETE once a session is known,
 * - a fresh `Idempotency-Key` per call to a mutation (one call = one user action),
 * - the error envelope {"error":{code,message,correlation_id,details}} parsed
 *   into an ApiError,
 * - a 401 on any call (except the ones that expect it) reports "signed out"
 *   through the handler the auth provider registers.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'failed_precondition'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | (string & {});

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly correlationId: string | null;
  /** details.field: the request field the error is about, if any. */
  readonly field: string | null;
  /** Seconds from the Retry-After header (429), if present. */
  readonly retryAfter: number | null;
  readonly details: Record<string, unknown>;

  constructor(init: {
    code: ErrorCode;
    message: string;
    status: number;
    correlationId?: string | null;
    field?: string | null;
    retryAfter?: number | null;
    details?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.correlationId = init.correlationId ?? null;
    this.field = init.field ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.details = init.details ?? {};
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

const MUTATIONS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Set from the session response; cleared on sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function getCsrfToken() {
  return csrfToken;
}

/** Called when any request (not opted out) gets 401. Returns an unregister function. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

/** RFC 4122 v4 id; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type QueryValue = string | number | boolean | null | undefined;

/** "?a=1&b=x" from the non-empty entries, in the given order; "" when none. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'conflict',
  412: 'failed_precondition',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Build an ApiError from a non-2xx response (envelope or not). */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const envelope = asRecord(asRecord(body)?.error);
  const details = asRecord(envelope?.details) ?? {};
  const field = typeof details.field === 'string' ? details.field : null;
  return new ApiError({
    code:
      typeof envelope?.code === 'string'
        ? envelope.code
        : (FALLBACK_CODES[res.status] ?? 'internal'),
    message:
      typeof envelope?.message === 'string' && envelope.message
        ? envelope.message
        : `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
    status: res.status,
    correlationId:
      typeof envelope?.correlation_id === 'string' ? envelope.correlation_id : null,
    field,
    retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
    details,
  });
}

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON-encoded when present. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Defaults to a fresh key for mutations. */
  idempotencyKey?: string;
  /** false for calls where 401 is an expected answer (session probe, login). */
  handleUnauthorized?: boolean;
}

export const API_PREFIX = '/api/v1';

/**
 * Call `${API_PREFIX}${path}`. Resolves with the parsed JSON body (or
 * undefined for 204 / empty bodies); rejects with ApiError for non-2xx and
 * network failures, or the AbortError when aborted.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (MUTATIONS.has(method)) {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
  }
  const url = `${API_PREFIX}${path}${options.query ? buildQuery(options.query) : ''}`;

  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (err) {
    if (isAbortError(err) || options.signal?.aborted) throw err;
    throw new ApiError({
      code: 'unavailable',
      message: 'Cannot reach the control plane. Check your connection and try again.',
      status: 0,
    });
  }

  if (!res.ok) {
    const error = await errorFromResponse(res);
    if (res.status === 401 && options.handleUnauthorized !== false) unauthorizedHandler?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({
      code: 'internal',
      message: 'The server sent a response the console could not read.',
      status: res.status,
    });
  }
}

/** Path segment escaping for ids in URLs. */
export function seg(value: string) {
  return encodeURIComponent(value);
}
