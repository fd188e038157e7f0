import { apiRequest } from './client';
import type { AuthConfig, AuthSession } from './types';

export function getAuthConfig(signal?: AbortSignal) {
  return apiRequest<AuthConfig>('/auth/config', { signal, handleUnauthorized: false });
}

/** 200 with the session, or ApiError with status 401 when signed out. */
export function getSession(signal?: AbortSignal) {
  return apiRequest<AuthSession>('/auth/session', { signal, handleUnauthorized: false });
}

export function login(email: string, password: string) {
  return apiRequest<AuthSession>('/auth/login', {
    method: 'POST',
    body: { email, password },
    handleUnauthorized: false,
  });
}

export function signup(email: string, password: string, displayName: string) {
  return apiRequest<AuthSession>('/auth/signup', {
    method: 'POST',
    body: { email, password, display_name: displayName },
    handleUnauthorized: false,
  });
}

export function logout() {
  return apiRequest<void>('/auth/logout', { method: 'POST', handleUnauthorized: false });
}
