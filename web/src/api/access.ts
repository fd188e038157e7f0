import { api, data } from './client';
import type {
  CreatedToken,
  Items,
  Member,
  MemberRole,
  Project,
  ProjectRole,
  ServiceAccount,
  Tenant,
  TokenScope,
} from './types';

export function listTenants(signal?: AbortSignal): Promise<Items<Tenant>> {
  return data(api.GET('/api/v1/tenants', { signal }));
}

export function listProjects(signal?: AbortSignal): Promise<Items<Project>> {
  return data(api.GET('/api/v1/projects', { signal }));
}

/** Members live under a tenant or a project; the shapes are the same. */
export interface MemberScope {
  kind: 'tenant' | 'project';
  id: string;
}

export function listMembers(scope: MemberScope, signal?: AbortSignal): Promise<Items<Member>> {
  return scope.kind === 'tenant'
    ? data(api.GET('/api/v1/tenants/{tenant_id}/members', { params: { path: { tenant_id: scope.id } }, signal }))
    : data(api.GET('/api/v1/projects/{project_id}/members', { params: { path: { project_id: scope.id } }, signal }));
}

/** The role must suit the scope (tenant: owner/admin/member; project: admin/member/viewer); the server checks. */
export function addMember(scope: MemberScope, email: string, role: MemberRole): Promise<Member> {
  return scope.kind === 'tenant'
    ? data(
        api.POST('/api/v1/tenants/{tenant_id}/members', {
          params: { path: { tenant_id: scope.id } },
          body: { email, role: role as TenantRoleInput },
        }),
      )
    : data(
        api.POST('/api/v1/projects/{project_id}/members', {
          params: { path: { project_id: scope.id } },
          body: { email, role: role as ProjectRole },
        }),
      );
}

export function changeMemberRole(scope: MemberScope, userId: string, role: MemberRole): Promise<Member> {
  return scope.kind === 'tenant'
    ? data(
        api.PATCH('/api/v1/tenants/{tenant_id}/members/{user_id}', {
          params: { path: { tenant_id: scope.id, user_id: userId } },
          body: { role: role as TenantRoleInput },
        }),
      )
    : data(
        api.PATCH('/api/v1/projects/{project_id}/members/{user_id}', {
          params: { path: { project_id: scope.id, user_id: userId } },
          body: { role: role as ProjectRole },
        }),
      );
}

export async function removeMember(scope: MemberScope, userId: string): Promise<void> {
  if (scope.kind === 'tenant') {
    await api.DELETE('/api/v1/tenants/{tenant_id}/members/{user_id}', {
      params: { path: { tenant_id: scope.id, user_id: userId } },
    });
  } else {
    await api.DELETE('/api/v1/projects/{project_id}/members/{user_id}', {
      params: { path: { project_id: scope.id, user_id: userId } },
    });
  }
}

type TenantRoleInput = 'owner' | 'admin' | 'member';

export function listServiceAccounts(projectId: string, signal?: AbortSignal): Promise<Items<ServiceAccount>> {
  return data(
    api.GET('/api/v1/projects/{project_id}/service-accounts', { params: { path: { project_id: projectId } }, signal }),
  );
}

export function createServiceAccount(projectId: string, name: string, role: ProjectRole): Promise<ServiceAccount> {
  return data(
    api.POST('/api/v1/projects/{project_id}/service-accounts', {
      params: { path: { project_id: projectId } },
      body: { name, role },
    }),
  );
}

export async function deleteServiceAccount(projectId: string, serviceAccountId: string): Promise<void> {
  await api.DELETE('/api/v1/projects/{project_id}/service-accounts/{service_account_id}', {
    params: { path: { project_id: projectId, service_account_id: serviceAccountId } },
  });
}

export function createServiceAccountToken(
  projectId: string,
  serviceAccountId: string,
  name: string,
  expiresInDays: number | null,
  /** The server requires at least one; a service-account token acts with its account's project role. */
  scopes: TokenScope[] = ['read', 'write'],
): Promise<CreatedToken> {
  return data(
    api.POST('/api/v1/projects/{project_id}/service-accounts/{service_account_id}/tokens', {
      params: { path: { project_id: projectId, service_account_id: serviceAccountId } },
      body: { name, scopes, ...(expiresInDays !== null ? { expires_in_days: expiresInDays } : {}) },
    }),
  );
}

export async function revokeServiceAccountToken(
  projectId: string,
  serviceAccountId: string,
  tokenId: string,
): Promise<void> {
  await api.DELETE('/api/v1/projects/{project_id}/service-accounts/{service_account_id}/tokens/{token_id}', {
    params: { path: { project_id: projectId, service_account_id: serviceAccountId, token_id: tokenId } },
  });
}
