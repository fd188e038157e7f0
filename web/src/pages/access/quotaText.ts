import type { QuotaResource, QuotaSource } from '../../api/types';

export const RESOURCE_LABEL: Record<QuotaResource, string> = {
  gpus: 'GPUs',
  workloads: 'Workloads',
};

export const SOURCE_LABEL: Record<QuotaSource, string> = {
  platform_default: 'Platform default',
  project_override: 'Project override',
  user_override: 'User override',
};

export function limitText(n: number | null): string {
  return n === null ? 'unlimited' : String(n);
}
