import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError, isAbortError } from '../api/client';
import { toApiError } from './toApiError';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ok'; data: T };

/**
 * Load data for a page section. `reload()` refetches while keeping the data
 * already shown; `setData` applies a local update after a mutation.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  /** A reload is in flight while the previous data stays on screen. */
  const [refreshing, setRefreshing] = useState(false);
  const [loadedDeps, setLoadedDeps] = useState<DependencyList>(deps);

  // A change of inputs (e.g. another project picked) shows the loading state
  // again; a plain reload keeps the current data on screen.
  if (!sameDeps(loadedDeps, deps)) {
    setLoadedDeps(deps);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ok', data });
        setRefreshing(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted || isAbortError(err)) return;
        setState({ status: 'error', error: toApiError(err) });
        setRefreshing(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce]);

  const reload = useCallback(() => {
    setRefreshing(true);
    setNonce((n) => n + 1);
  }, []);
  const setData = useCallback((update: (data: T) => T) => {
    setState((s) => (s.status === 'ok' ? { status: 'ok', data: update(s.data) } : s));
  }, []);

  return { state, reload, setData, refreshing };
}

function sameDeps(a: DependencyList, b: DependencyList) {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
