import { vi } from 'vitest';
import type { AuthSession, User } from '../api/types';

/** A JSON Response, optionally with headers. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** The error envelope the server sends. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return jsonResponse(
    { error: { code, message, correlation_id: `corr_${status}`, details } },
    status,
    headers,
  );
}

export const TEST_USER: User = {
  id: 'usr_alice',
  email: 'alice@example.com',
  display_name: 'Alice Example',
  platform_admin: false,
  status: 'active',
  locked_until: null,
  created_at: '2026-11-01T09:00:00Z',
};

export function testSession(user: Partial<User> = {}): AuthSession {
  return {
    user: { ...TEST_USER, ...user },
    session: { id: 'ses_1', created_at: '2026-11-20T08:00:00Z', expires_at: '2026-12-20T08:00:00Z' },
    csrf_token: 'csrf-test-token',
  };
}

export interface MockRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** A Response, or a JSON body sent with 200. */
type Reply = Response | object | null;
export type Handler = Reply | ((req: MockRequest) => Reply | Promise<Reply>);

/**
 * Stub fetch with a route table keyed "METHOD /path" (path without the query
 * string). Values are a Response, a JSON body (200), or a function of the
 * request. Defaults: a signed-in session, signup off, version unavailable,
 * an empty inbox.
 * Unknown routes answer 404 in the error envelope. Returns the fetch mock;
 * `requests(mock)` lists what was called.
 */
export function mockApi(routes: Record<string, Handler> = {}) {
  const table: Record<string, Handler> = {
    'GET /api/v1/auth/session': testSession(),
    'GET /api/v1/auth/config': { signup_enabled: false },
    'GET /api/v1/version': () => new Response('unavailable', { status: 503 }),
    'GET /api/v1/notifications': { items: [], unread_count: 0, next_cursor: null },
    ...routes,
  };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://console.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const key = `${method} ${url.pathname}`;
    const handler = table[key];
    if (handler === undefined) {
      return errorResponse(404, 'not_found', `no mock for ${key}`);
    }
    const req: MockRequest = {
      method,
      path: url.pathname,
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    const reply = typeof handler === 'function' ? await handler(req) : handler;
    return reply instanceof Response ? reply.clone() : jsonResponse(reply);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** "METHOD /path?query" of every call, in order. */
export function calls(fetchMock: ReturnType<typeof mockApi>): string[] {
  return fetchMock.mock.calls.map(([input, init]) => {
    const url = new URL(String(input), 'http://console.test');
    return `${((init as RequestInit | undefined)?.method ?? 'GET').toUpperCase()} ${url.pathname}${url.search}`;
  });
}

/** Init of the first call matching "METHOD /path". */
export function initOf(fetchMock: ReturnType<typeof mockApi>, key: string): RequestInit | undefined {
  const idx = calls(fetchMock).findIndex((c) => c.split('?')[0] === key);
  return idx >= 0 ? (fetchMock.mock.calls[idx]?.[1] as RequestInit) : undefined;
}
