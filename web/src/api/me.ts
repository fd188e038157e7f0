import { api, data } from './client';
import type { CreatedToken, Items, Me, SshKey, Token, TokenScope, User, UserSession } from './types';

export function getMe(signal?: AbortSignal): Promise<Me> {
  return data(api.GET('/api/v1/users/me', { signal }));
}

export function updateDisplayName(displayName: string): Promise<User> {
  return data(api.PATCH('/api/v1/users/me', { body: { display_name: displayName } }));
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.POST('/api/v1/users/me/password', {
    body: { current_password: currentPassword, new_password: newPassword },
  });
}

export function listSessions(signal?: AbortSignal): Promise<Items<UserSession>> {
  return data(api.GET('/api/v1/users/me/sessions', { signal }));
}

export async function revokeSession(sessionId: string): Promise<void> {
  await api.DELETE('/api/v1/users/me/sessions/{session_id}', { params: { path: { session_id: sessionId } } });
}

export function listSshKeys(signal?: AbortSignal): Promise<Items<SshKey>> {
  return data(api.GET('/api/v1/users/me/ssh-keys', { signal }));
}

export function addSshKey(name: string, publicKey: string): Promise<SshKey> {
  return data(api.POST('/api/v1/users/me/ssh-keys', { body: { name, public_key: publicKey } }));
}

export async function deleteSshKey(keyId: string): Promise<void> {
  await api.DELETE('/api/v1/users/me/ssh-keys/{key_id}', { params: { path: { key_id: keyId } } });
}

export function listTokens(signal?: AbortSignal): Promise<Items<Token>> {
  return data(api.GET('/api/v1/users/me/tokens', { signal }));
}

export function createToken(name: string, scopes: TokenScope[], expiresInDays: number | null): Promise<CreatedToken> {
  return data(
    api.POST('/api/v1/users/me/tokens', {
      body: { name, scopes, ...(expiresInDays !== null ? { expires_in_days: expiresInDays } : {}) },
    }),
  );
}

export async function revokeToken(tokenId: string): Promise<void> {
  await api.DELETE('/api/v1/users/me/tokens/{token_id}', { params: { path: { token_id: tokenId } } });
}
