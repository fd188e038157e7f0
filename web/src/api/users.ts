import { apiRequest } from './client';
import type { Items, User } from './types';

/** GET /users: every user of the installation (platform admins only). */
export function listUsers(signal?: AbortSignal) {
  return apiRequest<Items<User>>('/users', { signal });
}
