import { listProjects, listTenants } from '../../api/access';
import type { Project, Tenant } from '../../api/types';
import { useResource } from '../../hooks/useResource';

export interface Memberships {
  tenants: Tenant[];
  projects: Project[];
}

/** Tenants and projects visible to the caller, each with the caller's role (or null). */
export function useMemberships() {
  // One cache entry for the switcher and every page that needs them.
  return useResource<Memberships>(['memberships'], async (signal) => {
    const [tenants, projects] = await Promise.all([listTenants(signal), listProjects(signal)]);
    return { tenants: tenants.items, projects: projects.items };
  });
}
