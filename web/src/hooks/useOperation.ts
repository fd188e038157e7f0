import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { getOperation, isTerminal, type OperationView } from '../api/operations';
import { toApiError } from './toApiError';

/** How often a running operation is re-read. */
export const OPERATION_POLL_MS = 500;
/** The slowest re-read after failures (network, 503). */
export const OPERATION_MAX_BACKOFF_MS = 10_000;

export function operationKey(id: string) {
  return ['operations', 'detail', id] as const;
}

/** Errors after which re-reading cannot help: the operation is gone or hidden. */
function isFinalError(error: ApiError | null) {
  return error !== null && (error.code === 'not_found' || error.code === 'permission_denied');
}

/**
 * When to read GET /operations/{id} next: every `intervalMs` while it runs;
 * never once it is terminal (succeeded, failed, cancelled) or gone; after a
 * failure, backing off (interval x 2^failures, at most 10 s).
 */
export function operationPollDelay(
  op: OperationView | undefined,
  error: ApiError | null,
  failures: number,
  intervalMs: number,
): number | false {
  if (isFinalError(error)) return false;
  if (error) return Math.min(intervalMs * 2 ** Math.max(1, failures), OPERATION_MAX_BACKOFF_MS);
  if (op && isTerminal(op.state)) return false;
  return intervalMs;
}

/**
 * Follows one operation through TanStack Query: reads GET /operations/{id}
 * every `intervalMs` until it reaches a terminal state. `initial` (the 202
 * body of a start) is shown at once and re-read after one interval.
 * `replace` takes the body of a cancel or retry and follows the operation
 * again from there.
 */
export function useOperation(id: string, initial: OperationView | null = null, intervalMs = OPERATION_POLL_MS) {
  const queryClient = useQueryClient();
  const key = operationKey(id);
  const seed = initial && initial.id === id ? initial : undefined;
  // Bumped by replace() with a terminal body: re-read it once more after one interval
  // (a non-terminal body is polled anyway).
  const [round, setRound] = useState(0);

  const query = useQuery<OperationView, ApiError>({
    queryKey: key,
    queryFn: async ({ signal }) => {
      try {
        return await getOperation(id, signal);
      } catch (err) {
        if (signal.aborted) throw err;
        throw toApiError(err);
      }
    },
    initialData: seed,
    // The seed counts as just read: the first re-read comes after one interval.
    initialDataUpdatedAt: seed ? Date.now() : undefined,
    staleTime: intervalMs,
    // Polling is the retry: no extra attempts inside one read.
    retry: false,
    refetchOnWindowFocus: (q) => !isTerminal(q.state.data?.state ?? 'queued'),
    refetchInterval: (q) =>
      operationPollDelay(q.state.data, q.state.error, q.state.fetchFailureCount, intervalMs),
  });

  useEffect(() => {
    if (round === 0) return;
    const timer = setTimeout(() => {
      void queryClient.refetchQueries({ queryKey: operationKey(id), exact: true });
    }, intervalMs);
    return () => clearTimeout(timer);
  }, [round, id, intervalMs, queryClient]);

  const replace = useCallback(
    (view: OperationView) => {
      queryClient.setQueryData<OperationView>(operationKey(view.id), view);
      if (isTerminal(view.state)) setRound((r) => r + 1);
    },
    [queryClient],
  );

  return { op: query.data ?? null, error: query.error ?? null, replace };
}
