import { apiRequest } from './client';
import type { Page } from './types';

/** One entry of a resource's activity stream (GET /activity?resource=type:id). */
export interface ActivityItem {
  id: string;
  seq: number;
  resource?: { type: string; id: string };
  /** "audit:<action>" for audited changes, "operation.<event>" for operations. */
  kind: string;
  title: string;
  actor: string;
  /** allowed | denied | failed for audit entries; started | succeeded | failed | cancelled for operations. */
  outcome: string;
  operation_id: string | null;
  audit_id: string | null;
  event_id?: string;
  occurred_at: string;
}

export const ACTIVITY_PAGE_SIZE = 20;

/** Newest first; `cursor` is the previous page's next_cursor. */
export function listActivity(
  resource: { type: string; id: string },
  cursor: string | null,
  signal?: AbortSignal,
  limit = ACTIVITY_PAGE_SIZE,
) {
  return apiRequest<Page<ActivityItem>>('/activity', {
    signal,
    query: { resource: `${resource.type}:${resource.id}`, cursor: cursor ?? undefined, limit },
  });
}
