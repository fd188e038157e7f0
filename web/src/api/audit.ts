import { API_PREFIX, api, buildQuery, data } from './client';
import type { AuditEvent, AuditOutcome, Page } from './types';

/** Filters of GET /audit and /audit/export, in query-string order. */
export const AUDIT_FILTER_KEYS = [
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'project_id',
  'request_id',
  'outcome',
  'since',
  'until',
] as const;

export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['allowed', 'denied', 'failed'];

export const AUDIT_PAGE_SIZE = 50;

function filterParams(filters: AuditFilters) {
  const params: Partial<Record<AuditFilterKey, string>> = {};
  for (const key of AUDIT_FILTER_KEYS) params[key] = filters[key]?.trim() || undefined;
  return params;
}

/** Query string for GET /audit: the filters, then cursor and limit. */
export function auditListQuery(filters: AuditFilters, cursor?: string | null) {
  return buildQuery({ ...filterParams(filters), cursor: cursor ?? undefined, limit: AUDIT_PAGE_SIZE });
}

/** A plain link (the browser downloads the CSV with the session cookie). */
export function auditExportUrl(filters: AuditFilters) {
  return `${API_PREFIX}/audit/export${buildQuery(filterParams(filters))}`;
}

export function listAudit(filters: AuditFilters, cursor: string | null, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  // outcome is free text from the URL; the server answers 400 for a value outside the enum.
  const params = filterParams(filters) as Omit<AuditFilters, 'outcome'> & { outcome?: AuditOutcome };
  return data(
    api.GET('/api/v1/audit', {
      params: {
        query: {
          ...params,
          cursor: cursor ?? undefined,
          limit: AUDIT_PAGE_SIZE,
        },
      },
      signal,
    }),
  );
}

export function getAuditEvent(auditId: string, signal?: AbortSignal): Promise<AuditEvent> {
  return data(api.GET('/api/v1/audit/{audit_id}', { params: { path: { audit_id: auditId } }, signal }));
}
