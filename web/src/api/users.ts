import { api, data } from './client';
import type { Items, User } from './types';

/** GET /users: every user of the installation (platform admins only). */
export function listUsers(signal?: AbortSignal): Promise<Items<User>> {
  return data(api.GET('/api/v1/users', { signal }));
}
