import { api, data } from './client';
import type { Activity, Page } from './types';

/**
 * One entry of a resource's activity stream (GET /activity?resource=type:id).
 * kind: "audit:<action>" for audited changes, "operation.<event>" for
 * operations; outcome: allowed | denied | failed for audit entries, started |
 * succeeded | failed | cancelled for operations.
 */
export type ActivityItem = Activity;

export const ACTIVITY_PAGE_SIZE = 20;

/** Newest first; `cursor` is the previous page's next_cursor. */
export function listActivity(
  resource: { type: string; id: string },
  cursor: string | null,
  signal?: AbortSignal,
  limit = ACTIVITY_PAGE_SIZE,
): Promise<Page<ActivityItem>> {
  return data(
    api.GET('/api/v1/activity', {
      params: {
        query: {
          resource: `${resource.type}:${resource.id}`,
          // next_cursor goes back verbatim: a seq as a string of digits (no float round trip).
          cursor: cursor || undefined,
          limit,
        },
      },
      signal,
    }),
  );
}
