import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse } from '../test/mockApi';
import { addMember } from './access';
import { getSession, login } from './auth';
import {
  ApiError,
  MAX_RATE_LIMIT_RETRIES,
  api,
  buildQuery,
  data,
  errorFromBody,
  errorFromResponse,
  expectUnauthorized,
  isAbortError,
  isApiError,
  parseRetryAfter,
  setCsrfToken,
  setUnauthorizedHandler,
} from './client';
import { createToken, getMe } from './me';

type Reply = Response | (() => Promise<Response>);

/** Stub fetch with replies in order (the last one repeats). */
function stubFetch(...replies: Reply[]) {
  let n = 0;
  const fn = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => {
    const reply = replies[Math.min(n, replies.length - 1)]!;
    n += 1;
    return typeof reply === 'function' ? reply() : Promise.resolve(reply.clone());
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

function initOf(fn: ReturnType<typeof stubFetch>, call = 0) {
  return (fn.mock.calls[call] as unknown as [string, RequestInit])[1];
}

function headersOf(fn: ReturnType<typeof stubFetch>, call = 0) {
  return new Headers(initOf(fn, call).headers);
}

function urlOf(fn: ReturnType<typeof stubFetch>, call = 0) {
  return String(fn.mock.calls[call]?.[0]);
}

/** The rejection of `promise` (fails the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected the call to reject');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  unregister = null;
  vi.useRealTimers();
});

describe('the typed client: requests', () => {
  it('GETs JSON same-origin at a relative URL, without CSRF or idempotency headers', async () => {
    setCsrfToken('csrf-1');
    const fn = stubFetch(jsonResponse({ items: [] }));
    const { data: body } = await api.GET('/api/v1/users/me/tokens');
    expect(body).toEqual({ items: [] });
    expect(urlOf(fn)).toBe('/api/v1/users/me/tokens');
    expect(initOf(fn).credentials).toBe('same-origin');
    expect(initOf(fn).method).toBe('GET');
    expect(initOf(fn).body).toBeUndefined();
    const h = headersOf(fn);
    expect(h.get('Accept')).toBe('application/json');
    expect(h.has('Content-Type')).toBe(false);
    expect(h.has('X-CSRF-Token')).toBe(false);
    expect(h.has('Idempotency-Key')).toBe(false);
  });

  it('writes the query string in order, leaving out empty values, and escapes path params', async () => {
    const fn = stubFetch(jsonResponse({ items: [], next_cursor: null }));
    await api.GET('/api/v1/audit', {
      params: { query: { action: 'token create', target_id: '', project_id: undefined, limit: 50 } },
    });
    expect(urlOf(fn)).toBe('/api/v1/audit?action=token+create&limit=50');
    const fn2 = stubFetch(jsonResponse({}));
    await api.GET('/api/v1/audit/{audit_id}', { params: { path: { audit_id: 'a/b c' } } });
    expect(urlOf(fn2)).toBe('/api/v1/audit/a%2Fb%20c');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    '%s sends X-CSRF-Token, JSON and a fresh Idempotency-Key per call',
    async (method) => {
      setCsrfToken('csrf-abc');
      const fn = stubFetch(() => Promise.resolve(jsonResponse({ ok: true })));
      const call = () => {
        switch (method) {
          case 'POST':
            return api.POST('/api/v1/users/me/ssh-keys', { body: { name: 'n', public_key: 'k' } });
          case 'PUT':
            return api.PUT('/api/v1/quotas/platform', { body: { max_gpus: 1, max_workloads: null } });
          case 'PATCH':
            return api.PATCH('/api/v1/users/me', { body: { display_name: 'n' } });
          case 'DELETE':
            return api.DELETE('/api/v1/users/me/tokens/{token_id}', { params: { path: { token_id: 't1' } } });
        }
      };
      await call();
      await call();
      const first = headersOf(fn, 0);
      const second = headersOf(fn, 1);
      expect(initOf(fn).method).toBe(method);
      expect(first.get('X-CSRF-Token')).toBe('csrf-abc');
      expect(first.get('Idempotency-Key')).toMatch(UUID);
      expect(second.get('Idempotency-Key')).toMatch(UUID);
      expect(first.get('Idempotency-Key')).not.toBe(second.get('Idempotency-Key'));
      if (method !== 'DELETE') {
        expect(first.get('Content-Type')).toBe('application/json');
        expect(typeof initOf(fn).body).toBe('string');
      }
    },
  );

  it('sends the body as JSON from the family modules', async () => {
    setCsrfToken('csrf-abc');
    const fn = stubFetch(jsonResponse({ token: {}, secret: 's' }, 201));
    await createToken('ci', ['read'], null);
    expect(urlOf(fn)).toBe('/api/v1/users/me/tokens');
    expect(initOf(fn).body).toBe('{"name":"ci","scopes":["read"]}');
    const fn2 = stubFetch(jsonResponse({}, 201));
    await addMember({ kind: 'project', id: 'prj_1' }, 'bob@example.com', 'viewer');
    expect(urlOf(fn2)).toBe('/api/v1/projects/prj_1/members');
    expect(JSON.parse(String(initOf(fn2).body))).toEqual({ email: 'bob@example.com', role: 'viewer' });
  });

  it('uses a caller-supplied Idempotency-Key and omits CSRF when no session is known', async () => {
    setCsrfToken(null);
    const fn = stubFetch(jsonResponse({}));
    await api.POST('/api/v1/auth/login', {
      params: { header: { 'Idempotency-Key': 'key-1' } },
      body: { email: 'a@example.com', password: 'p' },
    });
    expect(headersOf(fn).get('Idempotency-Key')).toBe('key-1');
    expect(headersOf(fn).has('X-CSRF-Token')).toBe(false);
  });

  it('resolves undefined for 204', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(
      data(api.DELETE('/api/v1/users/me/ssh-keys/{key_id}', { params: { path: { key_id: 'k1' } } })),
    ).resolves.toBeUndefined();
  });

  it('rejects a 2xx body that is not JSON with an internal ApiError', async () => {
    stubFetch(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const err = await rejectionOf(getMe());
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('internal');
  });
});

describe('the typed client: error mapping', () => {
  it('maps the error envelope: code, message, status, correlation id, field and details', async () => {
    stubFetch(
      errorResponse(400, 'invalid_argument', 'public key is not a valid OpenSSH key', {
        field: 'public_key',
        reason: 'bad_base64',
      }),
    );
    const err = await rejectionOf(api.POST('/api/v1/users/me/ssh-keys', { body: { name: 'n', public_key: 'x' } }));
    expect(err).toBeInstanceOf(ApiError);
    expect(isApiError(err)).toBe(true);
    expect(err).toMatchObject({
      name: 'ApiError',
      code: 'invalid_argument',
      message: 'public key is not a valid OpenSSH key',
      status: 400,
      correlationId: 'corr_400',
      field: 'public_key',
      retryAfter: null,
      details: { field: 'public_key', reason: 'bad_base64' },
    });
  });

  it('keeps codes this console does not know', async () => {
    stubFetch(errorResponse(422, 'quota_exceeded', 'over quota'));
    const err = await rejectionOf(getMe());
    expect(err).toMatchObject({ code: 'quota_exceeded', status: 422, message: 'over quota', field: null });
  });

  it.each([
    [400, 'invalid_argument'],
    [403, 'permission_denied'],
    [404, 'not_found'],
    [409, 'conflict'],
    [412, 'failed_precondition'],
    [413, 'payload_too_large'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [500, 'internal'],
    [418, 'internal'],
  ])('falls back to a code from the status (%i → %s) when the body is not an envelope', async (status, code) => {
    stubFetch(new Response('<html>bad gateway</html>', { status, headers: { 'Content-Type': 'text/html' } }));
    const err = await rejectionOf(getMe());
    expect(err).toMatchObject({ code, status, correlationId: null, field: null, details: {} });
    expect(err.message).toContain(`HTTP ${status}`);
  });

  it('falls back by status for JSON that is not an envelope, and takes the correlation id from X-Request-Id', async () => {
    stubFetch(jsonResponse({ error: 'boom' }, 409, { 'X-Request-Id': 'req_9' }));
    const err = await rejectionOf(getMe());
    expect(err).toMatchObject({ code: 'conflict', status: 409, correlationId: 'req_9' });
    expect(err.message).toContain('HTTP 409');
  });

  it('errorFromResponse and errorFromBody read the same envelope', async () => {
    const res = errorResponse(429, 'rate_limited', 'slow down', { retry_after_seconds: '7' }, { 'Retry-After': '7' });
    const fromResponse = await errorFromResponse(res.clone());
    const fromBody = errorFromBody(res, await res.json());
    for (const err of [fromResponse, fromBody]) {
      expect(err).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 7, message: 'slow down' });
      expect(err.details).toEqual({ retry_after_seconds: '7' });
    }
  });

  it('turns a network failure into an unavailable ApiError', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await rejectionOf(getMe());
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'unavailable', status: 0 });
  });

  it('lets an abort through unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    stubFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const err = await rejectionOf(getMe(controller.signal));
    expect(err).not.toBeInstanceOf(ApiError);
    expect(isAbortError(err)).toBe(true);
  });
});

describe('the typed client: 401', () => {
  it('reports 401 to the unauthorized handler', async () => {
    const handler = vi.fn();
    unregister = setUnauthorizedHandler(handler);
    stubFetch(errorResponse(401, 'unauthenticated', 'session expired'));
    const err = await rejectionOf(getMe());
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not report 401 when the call expects it (login, session probe, expectUnauthorized)', async () => {
    const handler = vi.fn();
    unregister = setUnauthorizedHandler(handler);
    stubFetch(errorResponse(401, 'unauthenticated', 'email or password is incorrect'));
    expect(await rejectionOf(login('a@example.com', 'wrong'))).toMatchObject({ status: 401 });
    expect(await rejectionOf(getSession())).toMatchObject({ status: 401 });
    expect(
      await rejectionOf(api.GET('/api/v1/users/me', { middleware: [expectUnauthorized] })),
    ).toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
    // ...and the opt-out is per call: the next plain call reports again.
    await rejectionOf(getMe());
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not report other statuses as signed out', async () => {
    const handler = vi.fn();
    unregister = setUnauthorizedHandler(handler);
    stubFetch(errorResponse(403, 'permission_denied', 'no'));
    await rejectionOf(api.GET('/api/v1/quotas'));
    expect(handler).not.toHaveBeenCalled();
  });

  it('an unregistered handler is not called, and unregistering a replaced one keeps the new one', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const unregisterFirst = setUnauthorizedHandler(first);
    unregister = setUnauthorizedHandler(second);
    unregisterFirst();
    stubFetch(errorResponse(401, 'unauthenticated', 'session expired'));
    await rejectionOf(getMe());
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('the typed client: 429 and Retry-After', () => {
  const limited = (seconds: string) =>
    errorResponse(429, 'rate_limited', `retry in ${seconds} seconds`, { retry_after_seconds: seconds }, {
      'Retry-After': seconds,
    });

  it('waits Retry-After, then sends the mutation again with the same Idempotency-Key', async () => {
    vi.useFakeTimers();
    setCsrfToken('csrf-abc');
    const fn = stubFetch(limited('2'), jsonResponse({ token: { id: 'tok_1' }, secret: 's' }, 201));
    let settled = false;
    const pending = createToken('ci', ['read', 'write'], 30).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ secret: 's' });
    expect(fn).toHaveBeenCalledTimes(2);
    const key = headersOf(fn, 0).get('Idempotency-Key');
    expect(key).toMatch(UUID);
    expect(headersOf(fn, 1).get('Idempotency-Key')).toBe(key);
    expect(headersOf(fn, 1).get('X-CSRF-Token')).toBe('csrf-abc');
    expect(initOf(fn, 1).body).toBe(initOf(fn, 0).body);
    expect(initOf(fn, 1).method).toBe('POST');
  });

  it('retries a GET the same way', async () => {
    vi.useFakeTimers();
    const fn = stubFetch(limited('1'), jsonResponse({ user: {}, tenants: [], projects: [] }));
    const pending = getMe();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(pending).resolves.toEqual({ user: {}, tenants: [], projects: [] });
    expect(fn).toHaveBeenCalledTimes(2);
    expect(urlOf(fn, 1)).toBe('/api/v1/users/me');
  });

  it(`gives up after ${MAX_RATE_LIMIT_RETRIES} retries with rate_limited and the last Retry-After`, async () => {
    vi.useFakeTimers();
    const fn = stubFetch(limited('1'), limited('2'), limited('3'));
    const pending = rejectionOf(createToken('ci', ['read'], null));
    await vi.advanceTimersByTimeAsync(10_000);
    const err = await pending;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 3 });
    expect(fn).toHaveBeenCalledTimes(1 + MAX_RATE_LIMIT_RETRIES);
    const keys = fn.mock.calls.map((_, i) => headersOf(fn, i).get('Idempotency-Key'));
    expect(new Set(keys).size).toBe(1);
  });

  it('does not wait longer than 30 s in all', async () => {
    vi.useFakeTimers();
    const fn = stubFetch(limited('20'), limited('20'), jsonResponse({}));
    const pending = rejectionOf(getMe());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toMatchObject({ code: 'rate_limited', retryAfter: 20 });
    // 20 s waited once; another 20 s would pass the 30 s budget.
    expect(fn).toHaveBeenCalledTimes(2);

    const fn2 = stubFetch(limited('31'));
    const second = rejectionOf(getMe());
    await vi.advanceTimersByTimeAsync(0);
    expect(await second).toMatchObject({ code: 'rate_limited', retryAfter: 31 });
    expect(fn2).toHaveBeenCalledTimes(1);
  });

  it('does not retry a 429 without Retry-After', async () => {
    const fn = stubFetch(errorResponse(429, 'rate_limited', 'too many'));
    expect(await rejectionOf(getMe())).toMatchObject({ code: 'rate_limited', retryAfter: null });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the call is aborted', async () => {
    vi.useFakeTimers();
    const fn = stubFetch(limited('5'), jsonResponse({}));
    const controller = new AbortController();
    const pending = rejectionOf(getMe(controller.signal));
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const err = await pending;
    expect(isAbortError(err)).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not retry other errors (503 is left to the query layer)', async () => {
    const fn = stubFetch(errorResponse(503, 'unavailable', 'busy', {}, { 'Retry-After': '1' }));
    expect(await rejectionOf(getMe())).toMatchObject({ code: 'unavailable', status: 503, retryAfter: 1 });
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('helpers', () => {
  it('buildQuery drops empty values and keeps order', () => {
    expect(buildQuery({ a: '1', b: undefined, c: '', d: 0, e: 'x&y' })).toBe('?a=1&d=0&e=x%26y');
    expect(buildQuery({})).toBe('');
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('isAbortError recognises aborts from any DOMException implementation', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe(true);
    expect(isAbortError(new TypeError('x'))).toBe(false);
    expect(isAbortError(null)).toBe(false);
  });
});
