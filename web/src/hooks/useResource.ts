import { useCallback, useRef, useState } from 'react';
import { useQuery, useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { toApiError } from './toApiError';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ok'; data: T };

/** Poll period: ms, false for none, or a function of the data read so far. */
export type RefetchInterval<T> = number | false | ((data: T | undefined, error: ApiError | null) => number | false);

export interface ResourceOptions<T> {
  /** Poll while the page is shown (and the tab visible). */
  refetchInterval?: RefetchInterval<T>;
  /** false: do not load (yet). */
  enabled?: boolean;
  /** Override the client's default freshness (ms). */
  staleTime?: number;
}

/**
 * Load data for a page section through TanStack Query.
 *
 * `key` names the data (e.g. `['projects', id, 'members']`): components that
 * use the same key share one cache entry and one request; a new key (another
 * project picked) shows the loading state again, or the cached data at once.
 * `load` gets the query's AbortSignal.
 *
 * `reload()` refetches while keeping the data already shown (`refreshing` is
 * true meanwhile); `setData` applies a local update after a mutation (to every
 * component showing this key). A failed reload shows the error; a failed
 * background refetch (window focus, polling) keeps the data on screen.
 */
export function useResource<T>(
  key: QueryKey,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions<T> = {},
) {
  const queryClient = useQueryClient();
  const { refetchInterval } = options;
  const query = useQuery<T, ApiError>({
    queryKey: key,
    queryFn: async ({ signal }) => {
      try {
        return await load(signal);
      } catch (err) {
        // Aborts stay aborts (the query discards them); anything else is an ApiError.
        if (signal.aborted) throw err;
        throw toApiError(err);
      }
    },
    enabled: options.enabled,
    staleTime: options.staleTime,
    refetchInterval:
      typeof refetchInterval === 'function'
        ? (q: Query<T, ApiError, T, QueryKey>) => refetchInterval(q.state.data, q.state.error)
        : refetchInterval,
  });

  /** A reload() is in flight while the previous data stays on screen. */
  const [refreshing, setRefreshing] = useState(false);
  /** The last reload() failed: show its error even though data is cached. */
  const [reloadFailed, setReloadFailed] = useState(false);
  const refetchRef = useRef(query.refetch);
  refetchRef.current = query.refetch;

  const reload = useCallback(() => {
    setRefreshing(true);
    void refetchRef.current({ cancelRefetch: true }).then((result) => {
      setRefreshing(false);
      setReloadFailed(result.isError);
    });
  }, []);

  const keyRef = useRef(key);
  keyRef.current = key;
  const setData = useCallback(
    (update: (data: T) => T) => {
      queryClient.setQueryData<T>(keyRef.current, (old) => (old === undefined ? old : update(old)));
    },
    [queryClient],
  );

  // Another key: a reload's failure was about the previous data.
  const keyHash = JSON.stringify(key);
  const [failedKey, setFailedKey] = useState(keyHash);
  if (failedKey !== keyHash) {
    setFailedKey(keyHash);
    if (reloadFailed) setReloadFailed(false);
  }

  let state: ResourceState<T>;
  if (query.data !== undefined && !(query.isError && reloadFailed)) {
    state = { status: 'ok', data: query.data };
  } else if (query.isError) {
    state = { status: 'error', error: query.error };
  } else {
    state = { status: 'loading' };
  }

  return { state, reload, setData, refreshing, query };
}

/**
 * A resource that polls every `intervalMs` while `active(data)` says it is
 * still in progress (a running operation, a queue), and stops once it is not.
 */
export function useLiveResource<T>(
  key: QueryKey,
  load: (signal: AbortSignal) => Promise<T>,
  active: (data: T) => boolean,
  intervalMs: number,
) {
  return useResource(key, load, {
    // Nothing to poll before the first answer (or after a failed one): the first read runs anyway.
    refetchInterval: (data) => (data !== undefined && active(data) ? intervalMs : false),
  });
}
