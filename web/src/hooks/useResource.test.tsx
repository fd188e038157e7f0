import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { QueryWrapper } from '../test/renderWithQuery';
import { useLiveResource, useResource } from './useResource';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const notFound = () => new ApiError({ code: 'not_found', message: 'gone', status: 404 });

describe('useResource', () => {
  it('loads, then reload() refetches while the data stays on screen', async () => {
    let n = 0;
    const next = deferred<number>();
    const load = vi.fn(() => (++n === 1 ? Promise.resolve(1) : next.promise));
    const { result } = renderHook(() => useResource(['n'], load), { wrapper: QueryWrapper });
    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: 1 }));
    expect(result.current.refreshing).toBe(false);

    act(() => result.current.reload());
    await waitFor(() => expect(result.current.refreshing).toBe(true));
    expect(result.current.state).toEqual({ status: 'ok', data: 1 });
    await act(async () => next.resolve(2));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: 2 }));
    expect(result.current.refreshing).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('passes the query signal to load, and a new key shows the loading state again', async () => {
    const load = vi.fn((signal: AbortSignal) => {
      expect(signal).toBeDefined();
      return new Promise<string>(() => undefined);
    });
    const { result, rerender } = renderHook(({ id }) => useResource(['thing', id], (s) => (id === 'a' ? Promise.resolve('A') : load(s))), {
      wrapper: QueryWrapper,
      initialProps: { id: 'a' },
    });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: 'A' }));
    rerender({ id: 'b' });
    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('setData updates the cached data', async () => {
    const { result } = renderHook(() => useResource(['list'], () => Promise.resolve([1, 2])), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.state.status).toBe('ok'));
    act(() => result.current.setData((items) => [...items, 3]));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: [1, 2, 3] }));
  });

  it('shows an ApiError at once, without retrying errors other than unavailable', async () => {
    const load = vi.fn(() => Promise.reject(notFound()));
    const { result } = renderHook(() => useResource(['x'], load), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    const state = result.current.state as { status: 'error'; error: ApiError };
    expect(state.error).toBeInstanceOf(ApiError);
    expect(state.error.code).toBe('not_found');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('turns a non-ApiError rejection into an ApiError', async () => {
    const { result } = renderHook(() => useResource(['y'], () => Promise.reject(new Error('boom'))), {
      wrapper: QueryWrapper,
    });
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'internal', message: 'boom' } });
  });

  it('a failed reload shows its error; a later successful one shows the data again', async () => {
    let n = 0;
    const load = vi.fn(() => (++n === 2 ? Promise.reject(notFound()) : Promise.resolve(n)));
    const { result } = renderHook(() => useResource(['z'], load), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: 1 }));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: 3 }));
  });

  it('polls with refetchInterval, and a failed poll keeps the data on screen', async () => {
    let n = 0;
    const load = vi.fn(() => (++n === 2 ? Promise.reject(notFound()) : Promise.resolve(n)));
    const seen: string[] = [];
    const { result, unmount } = renderHook(
      () => {
        const resource = useResource(['poll'], load, { refetchInterval: 10 });
        seen.push(resource.state.status === 'ok' ? `ok:${resource.state.data}` : resource.state.status);
        return resource;
      },
      { wrapper: QueryWrapper },
    );
    await waitFor(() => expect(load.mock.calls.length).toBeGreaterThanOrEqual(3));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ok' }));
    unmount();
    expect(seen).toContain('ok:1');
    expect(seen).not.toContain('error');
    expect(seen.filter((s) => s === 'loading')).toEqual(['loading']);
  });

  it('useLiveResource polls while active and stops once done', async () => {
    let n = 0;
    const load = vi.fn(() => Promise.resolve({ done: ++n >= 3, n }));
    const { result } = renderHook(() => useLiveResource(['live'], load, (d) => !d.done, 10), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ok', data: { done: true, n: 3 } }));
    await new Promise((r) => setTimeout(r, 60));
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('two components with the same key share one request', async () => {
    const load = vi.fn(() => Promise.resolve('shared'));
    const { result } = renderHook(
      () => [useResource(['same'], load), useResource(['same'], load)] as const,
      { wrapper: QueryWrapper },
    );
    await waitFor(() => expect(result.current[1].state).toEqual({ status: 'ok', data: 'shared' }));
    expect(result.current[0].state).toEqual({ status: 'ok', data: 'shared' });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
