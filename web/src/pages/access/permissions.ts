import type { Project, Tenant, User } from '../../api/types';

/**
 * What the UI offers. The server decides; these only hide actions that would
 * be refused, and say why.
 */
export function canManageTenant(user: User, tenant: Tenant): boolean {
  return user.platform_admin || tenant.role === 'owner' || tenant.role === 'admin';
}

export function canManageProject(user: User, project: Project, tenants: Tenant[]): boolean {
  if (user.platform_admin || project.role === 'admin') return true;
  const tenant = tenants.find((t) => t.id === project.tenant_id);
  return tenant ? canManageTenant(user, tenant) : false;
}

export const TENANT_MANAGE_REASON =
  'Only owners and admins of this tenant (or platform admins) can add, change or remove members.';
export const PROJECT_MANAGE_REASON =
  'Only admins of this project or its tenant (or platform admins) can change this.';
