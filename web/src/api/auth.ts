import { api, data, expectUnauthorized } from './client';
import type { AuthConfig, AuthSession } from './types';

export function getAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return data(api.GET('/api/v1/auth/config', { signal, middleware: [expectUnauthorized] }));
}

/** 200 with the session, or ApiError with status 401 when signed out. */
export function getSession(signal?: AbortSignal): Promise<AuthSession> {
  return data(api.GET('/api/v1/auth/session', { signal, middleware: [expectUnauthorized] }));
}

export function login(email: string, password: string): Promise<AuthSession> {
  return data(api.POST('/api/v1/auth/login', { body: { email, password }, middleware: [expectUnauthorized] }));
}

export function signup(email: string, password: string, displayName: string): Promise<AuthSession> {
  return data(
    api.POST('/api/v1/auth/signup', {
      body: { email, password, display_name: displayName },
      middleware: [expectUnauthorized],
    }),
  );
}

export async function logout(): Promise<void> {
  await api.POST('/api/v1/auth/logout', { middleware: [expectUnauthorized] });
}
