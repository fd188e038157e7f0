import { AUDIT_FILTER_KEYS, type AuditFilters } from '../../api/audit';

/** Evidence filters live in the page URL with the API's own parameter names. */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function paramsFromFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function hasFilters(filters: AuditFilters) {
  return AUDIT_FILTER_KEYS.some((k) => filters[k]);
}
