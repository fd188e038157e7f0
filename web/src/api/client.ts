/**
 * The console's one HTTP client: `api`, an openapi-fetch client typed by
 * schema.gen.ts (generated from api/openapi.json by `npm run gen:api`).
 *
 * What every call gets, whoever makes it:
 * - same-origin credentials (the session cookie is HttpOnly), JSON in and out,
 * - `X-CSRF-Token` on every POST/PUT/PATCH/DELETE once a session is known,
 * - one `Idempotency-Key` per call to a mutation (one call = one user action),
 *   kept across the automatic retries below,
 * - 429 answers: Retry-After is honoured by waiting and sending the same
 *   request again (at most MAX_RATE_LIMIT_RETRIES times and
 *   MAX_RATE_LIMIT_WAIT_S seconds in all), then surfaced as rate_limited,
 * - any other non-2xx answer rejects with an ApiError parsed from the error
 *   envelope {"error":{code,message,correlation_id,details}} (so `api.X()`
 *   resolves only with `data`; `error` is never set),
 * - a network failure rejects with ApiError('unavailable'); an abort rejects
 *   with the AbortError unchanged,
 * - a 401 (except on calls passing `middleware: [expectUnauthorized]`) reports
 *   "signed out" through the handler the auth provider registers.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.gen';

export type { components, paths } from './schema.gen';
/** The schemas of api/openapi.json (components.schemas), as generated. */
export type Schemas = components['schemas'];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The codes of the error envelope, plus any a newer server may add. */
export type ErrorCode =
  | Schemas['ErrorEnvelope']['error']['code']
  | (string & {});

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly correlationId: string | null;
  /** details.field: the request field the error is about, if any. */
  readonly field: string | null;
  /** Seconds from the Retry-After header (429, 503), if present. */
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

/**
 * An aborted fetch or wait. Checked by name: the DOMException of the fetch
 * implementation need not be the DOMException global of the page (jsdom).
 */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
  );
}

const MUTATIONS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'failed_precondition',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/**
 * An ApiError from a non-2xx answer: its parsed body (the error envelope, or
 * anything else: then the code follows the status) and its headers.
 */
export function errorFromBody(
  res: Pick<Response, 'status' | 'statusText' | 'headers'>,
  body: unknown,
): ApiError {
  const envelope = asRecord(asRecord(body)?.error);
  const details = asRecord(envelope?.details) ?? {};
  const field = typeof details.field === 'string' ? details.field : null;
  return new ApiError({
    code:
      typeof envelope?.code === 'string' && envelope.code
        ? envelope.code
        : (FALLBACK_CODES[res.status] ?? 'internal'),
    message:
      typeof envelope?.message === 'string' && envelope.message
        ? envelope.message
        : `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
    status: res.status,
    correlationId:
      typeof envelope?.correlation_id === 'string' && envelope.correlation_id
        ? envelope.correlation_id
        : res.headers.get('X-Request-Id'),
    field,
    retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
    details,
  });
}

/** Build an ApiError from a non-2xx response (envelope or not); reads its body. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = JSON.parse(await res.text());
  } catch {
    body = null;
  }
  return errorFromBody(res, body);
}

export const API_PREFIX = '/api/v1';

/** Path segment escaping for ids in URLs built by hand (the typed client escapes its path params). */
export function seg(value: string) {
  return encodeURIComponent(value);
}

// ---------------------------------------------------------------------------
// 429 handling

/** Automatic resends of a request answered 429. */
export const MAX_RATE_LIMIT_RETRIES = 2;
/** The longest total wait (seconds) for Retry-After before giving up. */
export const MAX_RATE_LIMIT_WAIT_S = 30;

function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal | null): unknown {
  const reason: unknown = signal?.reason;
  return isAbortError(reason) ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

function sameOriginPath(url: string): string {
  const origin = globalThis.location?.origin;
  if (origin && origin !== 'null' && url.startsWith(`${origin}/`)) return url.slice(origin.length);
  return url;
}

/**
 * The transport under the typed client: sends the Request through the
 * global fetch as (url, init) with a string body (read once, so the request
 * can be sent again), and resends it after Retry-After on 429.
 */
async function transport(request: Request): Promise<Response> {
  const body = request.body !== null ? await request.text() : undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const url = sameOriginPath(request.url);
  const init: RequestInit = {
    method: request.method,
    headers,
    credentials: 'same-origin',
    body,
    signal: request.signal,
  };
  let waited = 0;
  for (let attempt = 0; ; attempt += 1) {
    const res = await fetch(url, init);
    if (res.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) return res;
    const after = parseRetryAfter(res.headers.get('Retry-After'));
    if (after === null || waited + after > MAX_RATE_LIMIT_WAIT_S) return res;
    // The same init, headers and all: a mutation keeps its Idempotency-Key.
    await sleep(after * 1000, request.signal);
    waited += after;
  }
}

// ---------------------------------------------------------------------------
// Middleware

/** Requests whose 401 is an expected answer, not "the session ended". */
const expectingUnauthorized = new WeakSet<Request>();

/**
 * Per-call middleware for calls where 401 is an expected answer (session
 * probe, login, signup): the unauthorized handler is not told.
 * `api.GET('/api/v1/auth/session', { middleware: [expectUnauthorized] })`.
 */
export const expectUnauthorized: Middleware = {
  onRequest({ request }) {
    expectingUnauthorized.add(request);
  },
};

/** Headers of the session: Accept, CSRF and Idempotency-Key on mutations. */
export const sessionHeaders: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
    if (MUTATIONS.has(request.method)) {
      if (csrfToken && !request.headers.has('X-CSRF-Token')) request.headers.set('X-CSRF-Token', csrfToken);
      // A caller-supplied key (params.header / headers) wins; otherwise one per call.
      if (!request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', newIdempotencyKey());
    }
    return undefined;
  },
};

/** Non-2xx answers become ApiError (and 401 tells the auth provider); network failures become `unavailable`. */
export const errorMapping: Middleware = {
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    const error = await errorFromResponse(response);
    if (response.status === 401 && !expectingUnauthorized.has(request)) unauthorizedHandler?.();
    throw error;
  },
  onError({ error, request }) {
    if (isAbortError(error) || request.signal.aborted || error instanceof ApiError) return undefined;
    return new ApiError({
      code: 'unavailable',
      message: 'Cannot reach the control plane. Check your connection and try again.',
      status: 0,
    });
  },
};

/**
 * THE client. Paths are the full paths of openapi.json
 * (`api.GET('/api/v1/users/me', { signal })`); it resolves with `{ data,
 * response }` for 2xx answers and rejects with ApiError otherwise.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin && globalThis.location.origin !== 'null'
    ? globalThis.location.origin
    : 'http://localhost',
  credentials: 'same-origin',
  fetch: transport,
  // The query string as the console always wrote it: empty values left out.
  querySerializer: (query) => buildQuery((query ?? {}) as Record<string, QueryValue>).slice(1),
});
api.use(sessionHeaders, errorMapping);

/**
 * The body of a typed call: `data(api.GET(...))`. Resolves undefined for 204;
 * a 2xx body that is not JSON rejects with ApiError('internal').
 */
export async function data<D>(call: Promise<{ data?: D; response: Response }>): Promise<D> {
  try {
    const result = await call;
    return result.data as D;
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new ApiError({
        code: 'internal',
        message: 'The server sent a response the console could not read.',
        status: 200,
      });
    }
    throw err;
  }
}
