import { apiRequest, seg } from './client';
import type { CreatedToken, Items, Member, MemberRole, Project, ProjectRole, ServiceAccount, Tenant } from './types';

export function listTenants(signal?: AbortSignal) {
  return apiRequest<Items<Tenant>>('/tenants', { signal });
}

export function listProjects(signal?: AbortSignal) {
  return apiRequest<Items<Project>>('/projects', { signal });
}

/** Members live under a tenant or a project; the shapes are the same. */
export interface MemberScope {
  kind: 'tenant' | 'project';
  id: string;
}

function membersPath(scope: MemberScope) {
  return `/${scope.kind === 'tenant' ? 'tenants' : 'projects'}/${seg(scope.id)}/members`;
}

export function listMembers(scope: MemberScope, signal?: AbortSignal) {
  return apiRequest<Items<Member>>(membersPath(scope), { signal });
}

export function addMember(scope: MemberScope, email: string, role: MemberRole) {
  return apiRequest<Member>(membersPath(scope), { method: 'POST', body: { email, role } });
}

export function changeMemberRole(scope: MemberScope, userId: string, role: MemberRole) {
  return apiRequest<Member>(`${membersPath(scope)}/${seg(userId)}`, {
    method: 'PATCH',
    body: { role },
  });
}

export function removeMember(scope: MemberScope, userId: string) {
  return apiRequest<void>(`${membersPath(scope)}/${seg(userId)}`, { method: 'DELETE' });
}

function saPath(projectId: string) {
  return `/projects/${seg(projectId)}/service-accounts`;
}

export function listServiceAccounts(projectId: string, signal?: AbortSignal) {
  return apiRequest<Items<ServiceAccount>>(saPath(projectId), { signal });
}

export function createServiceAccount(projectId: string, name: string, role: ProjectRole) {
  return apiRequest<ServiceAccount>(saPath(projectId), { method: 'POST', body: { name, role } });
}

export function deleteServiceAccount(projectId: string, serviceAccountId: string) {
  return apiRequest<void>(`${saPath(projectId)}/${seg(serviceAccountId)}`, { method: 'DELETE' });
}

export function createServiceAccountToken(
  projectId: string,
  serviceAccountId: string,
  name: string,
  expiresInDays: number | null,
) {
  return apiRequest<CreatedToken>(`${saPath(projectId)}/${seg(serviceAccountId)}/tokens`, {
    method: 'POST',
    body: { name, ...(expiresInDays !== null ? { expires_in_days: expiresInDays } : {}) },
  });
}

export function revokeServiceAccountToken(
  projectId: string,
  serviceAccountId: string,
  tokenId: string,
) {
  return apiRequest<void>(
    `${saPath(projectId)}/${seg(serviceAccountId)}/tokens/${seg(tokenId)}`,
    { method: 'DELETE' },
  );
}
