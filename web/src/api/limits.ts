import { apiRequest, seg } from './client';
import type { EntitlementRules, Entitlements, ProjectQuota, QuotaLimits, QuotaSettings } from './types';

export function getProjectQuota(projectId: string, signal?: AbortSignal) {
  return apiRequest<ProjectQuota>(`/projects/${seg(projectId)}/quota`, { signal });
}

/** Platform admin only. */
export function getQuotaSettings(signal?: AbortSignal) {
  return apiRequest<QuotaSettings>('/quotas', { signal });
}

export function setPlatformQuota(limits: QuotaLimits) {
  return apiRequest<QuotaLimits>('/quotas/platform', { method: 'PUT', body: limits });
}

export function setProjectQuota(projectId: string, limits: QuotaLimits) {
  return apiRequest<unknown>(`/quotas/projects/${seg(projectId)}`, { method: 'PUT', body: limits });
}

export function deleteProjectQuota(projectId: string) {
  return apiRequest<void>(`/quotas/projects/${seg(projectId)}`, { method: 'DELETE' });
}

export function getEntitlements(projectId: string, signal?: AbortSignal) {
  return apiRequest<Entitlements>(`/projects/${seg(projectId)}/entitlements`, { signal });
}

export function setEntitlements(projectId: string, rules: EntitlementRules) {
  return apiRequest<Entitlements>(`/projects/${seg(projectId)}/entitlements`, {
    method: 'PUT',
    body: rules,
  });
}
