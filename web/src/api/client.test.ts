import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse } from '../test/mockApi';
import {
  ApiError,
  apiRequest,
  buildQuery,
  parseRetryAfter,
  setCsrfToken,
  setUnauthorizedHandler,
} from './client';

function stubFetch(response: Response | (() => Promise<Response>)) {
  const reply = typeof response === 'function' ? response : () => Promise.resolve(response.clone());
  const fn = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => reply());
  vi.stubGlobal('fetch', fn);
  return fn;
}

function headersOf(fn: ReturnType<typeof stubFetch>, call = 0) {
  return new Headers((fn.mock.calls[call] as unknown as [string, RequestInit])[1].headers);
}

function initOf(fn: ReturnType<typeof stubFetch>, call = 0) {
  return (fn.mock.calls[call] as unknown as [string, RequestInit])[1];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('apiRequest', () => {
  let unregister: (() => void) | null = null;
  afterEach(() => {
    unregister?.();
    unregister = null;
  });

  it('GETs JSON same-origin without CSRF or idempotency headers', async () => {
    setCsrfToken('csrf-1');
    const fn = stubFetch(jsonResponse({ items: [] }));
    await expect(apiRequest('/users/me/tokens', { query: { a: 'x y', b: '', c: null } })).resolves.toEqual({ items: [] });
    expect(fn.mock.calls[0]?.[0]).toBe('/api/v1/users/me/tokens?a=x+y');
    expect(initOf(fn).credentials).toBe('same-origin');
    expect(initOf(fn).method).toBe('GET');
    const h = headersOf(fn);
    expect(h.get('Accept')).toBe('application/json');
    expect(h.has('X-CSRF-Token')).toBe(false);
    expect(h.has('Idempotency-Key')).toBe(false);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    '%s sends X-CSRF-Token and a fresh Idempotency-Key per call',
    async (method) => {
      setCsrfToken('csrf-abc');
      const fn = stubFetch(() => Promise.resolve(jsonResponse({ ok: true })));
      await apiRequest('/things', { method, body: { name: 'n' } });
      await apiRequest('/things', { method, body: { name: 'n' } });
      const first = headersOf(fn, 0);
      const second = headersOf(fn, 1);
      expect(first.get('X-CSRF-Token')).toBe('csrf-abc');
      expect(first.get('Content-Type')).toBe('application/json');
      expect(first.get('Idempotency-Key')).toMatch(UUID);
      expect(second.get('Idempotency-Key')).toMatch(UUID);
      expect(first.get('Idempotency-Key')).not.toBe(second.get('Idempotency-Key'));
      expect(initOf(fn).body).toBe('{"name":"n"}');
    },
  );

  it('uses a caller-supplied Idempotency-Key and omits CSRF when no session is known', async () => {
    setCsrfToken(null);
    const fn = stubFetch(jsonResponse({}));
    await apiRequest('/auth/login', { method: 'POST', body: {}, idempotencyKey: 'key-1' });
    expect(headersOf(fn).get('Idempotency-Key')).toBe('key-1');
    expect(headersOf(fn).has('X-CSRF-Token')).toBe(false);
  });

  it('resolves undefined for 204', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiRequest('/users/me/ssh-keys/k1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('parses the error envelope into an ApiError', async () => {
    stubFetch(
      errorResponse(400, 'invalid_argument', 'public key is not a valid OpenSSH key', {
        field: 'public_key',
      }),
    );
    const err = await apiRequest('/users/me/ssh-keys', { method: 'POST', body: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'invalid_argument',
      message: 'public key is not a valid OpenSSH key',
      status: 400,
      correlationId: 'corr_400',
      field: 'public_key',
      retryAfter: null,
    });
  });

  it('reads Retry-After on 429', async () => {
    stubFetch(errorResponse(429, 'rate_limited', 'too many requests', {}, { 'Retry-After': '42' }));
    const err = await apiRequest('/auth/login', { method: 'POST', body: {} }).catch((e) => e);
    expect(err).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 42, field: null });
  });

  it('falls back to a code from the status when the body is not an envelope', async () => {
    stubFetch(new Response('<html>bad gateway</html>', { status: 409, headers: { 'Content-Type': 'text/html' } }));
    const err = await apiRequest<never>('/x').catch((e: unknown) => e as ApiError);
    expect(err).toMatchObject({ code: 'conflict', status: 409, correlationId: null });
    expect(err.message).toContain('HTTP 409');
  });

  it('reports 401 to the unauthorized handler', async () => {
    const handler = vi.fn();
    unregister = setUnauthorizedHandler(handler);
    stubFetch(errorResponse(401, 'unauthenticated', 'session expired'));
    const err = await apiRequest('/users/me').catch((e) => e);
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not report 401 when the call expects it (login, session probe)', async () => {
    const handler = vi.fn();
    unregister = setUnauthorizedHandler(handler);
    stubFetch(errorResponse(401, 'unauthenticated', 'email or password is incorrect'));
    await apiRequest('/auth/login', { method: 'POST', body: {}, handleUnauthorized: false }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not report other statuses as signed out', async () => {
    const handler = vi.fn();
    unregister = setUnauthorizedHandler(handler);
    stubFetch(errorResponse(403, 'permission_denied', 'no'));
    await apiRequest('/quotas').catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a network failure into an unavailable ApiError', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await apiRequest('/users/me').catch((e) => e);
    expect(err).toMatchObject({ code: 'unavailable', status: 0 });
  });

  it('lets an abort through unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    stubFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const err = await apiRequest('/users/me', { signal: controller.signal }).catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
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
  });
});
