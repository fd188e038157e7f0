import { apiRequest, seg } from './client';
import type { CreatedToken, Items, Me, SshKey, Token, TokenScope, User, UserSession } from './types';

export function getMe(signal?: AbortSignal) {
  return apiRequest<Me>('/users/me', { signal });
}

export function updateDisplayName(displayName: string) {
  return apiRequest<User>('/users/me', { method: 'PATCH', body: { display_name: displayName } });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return apiRequest<void>('/users/me/password', {
    method: 'POST',
    body: { current_password: currentPassword, new_password: newPassword },
  });
}

export function listSessions(signal?: AbortSignal) {
  return apiRequest<Items<UserSession>>('/users/me/sessions', { signal });
}

export function revokeSession(sessionId: string) {
  return apiRequest<void>(`/users/me/sessions/${seg(sessionId)}`, { method: 'DELETE' });
}

export function listSshKeys(signal?: AbortSignal) {
  return apiRequest<Items<SshKey>>('/users/me/ssh-keys', { signal });
}

export function addSshKey(name: string, publicKey: string) {
  return apiRequest<SshKey>('/users/me/ssh-keys', {
    method: 'POST',
    body: { name, public_key: publicKey },
  });
}

export function deleteSshKey(keyId: string) {
  return apiRequest<void>(`/users/me/ssh-keys/${seg(keyId)}`, { method: 'DELETE' });
}

export function listTokens(signal?: AbortSignal) {
  return apiRequest<Items<Token>>('/users/me/tokens', { signal });
}

export function createToken(name: string, scopes: TokenScope[], expiresInDays: number | null) {
  return apiRequest<CreatedToken>('/users/me/tokens', {
    method: 'POST',
    body: {
      name,
      scopes,
      ...(expiresInDays !== null ? { expires_in_days: expiresInDays } : {}),
    },
  });
}

export function revokeToken(tokenId: string) {
  return apiRequest<void>(`/users/me/tokens/${seg(tokenId)}`, { method: 'DELETE' });
}
