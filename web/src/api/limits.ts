import { api, data } from './client';
import type { EntitlementRules, Entitlements, ProjectQuota, QuotaLimits, QuotaRule, QuotaSettings } from './types';

export function getProjectQuota(projectId: string, signal?: AbortSignal): Promise<ProjectQuota> {
  return data(api.GET('/api/v1/projects/{project_id}/quota', { params: { path: { project_id: projectId } }, signal }));
}

/** Platform admin only. */
export function getQuotaSettings(signal?: AbortSignal): Promise<QuotaSettings> {
  return data(api.GET('/api/v1/quotas', { signal }));
}

export function setPlatformQuota(limits: QuotaLimits): Promise<QuotaRule> {
  return data(api.PUT('/api/v1/quotas/platform', { body: limits }));
}

export function setProjectQuota(projectId: string, limits: QuotaLimits): Promise<QuotaRule> {
  return data(api.PUT('/api/v1/quotas/projects/{project_id}', { params: { path: { project_id: projectId } }, body: limits }));
}

export async function deleteProjectQuota(projectId: string): Promise<void> {
  await api.DELETE('/api/v1/quotas/projects/{project_id}', { params: { path: { project_id: projectId } } });
}

export function getEntitlements(projectId: string, signal?: AbortSignal): Promise<Entitlements> {
  return data(
    api.GET('/api/v1/projects/{project_id}/entitlements', { params: { path: { project_id: projectId } }, signal }),
  );
}

export function setEntitlements(projectId: string, rules: EntitlementRules): Promise<Entitlements> {
  return data(
    api.PUT('/api/v1/projects/{project_id}/entitlements', { params: { path: { project_id: projectId } }, body: rules }),
  );
}
