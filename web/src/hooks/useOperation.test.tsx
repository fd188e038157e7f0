import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { calls, errorResponse, mockApi } from '../test/mockApi';
import { revokeOperation } from '../test/operationFixtures';
import { QueryWrapper } from '../test/renderWithQuery';
import { operationPollDelay, useOperation } from './useOperation';

const PATH = 'GET /api/v1/operations/op_1';
const reads = (fetchMock: ReturnType<typeof mockApi>) => calls(fetchMock).filter((c) => c === PATH).length;

describe('useOperation', () => {
  it('polls until the operation is terminal, then stops', async () => {
    const states = ['queued', 'running', 'succeeded'] as const;
    let n = 0;
    const fetchMock = mockApi({ [PATH]: () => revokeOperation(states[Math.min(n++, 2)]!) });
    const { result } = renderHook(() => useOperation('op_1', null, 10), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.op?.state).toBe('succeeded'));
    expect(reads(fetchMock)).toBe(3);
    await new Promise((r) => setTimeout(r, 60));
    expect(reads(fetchMock)).toBe(3);
    expect(result.current.error).toBeNull();
  });

  it('shows the initial body at once and re-reads it after one interval', async () => {
    const fetchMock = mockApi({ [PATH]: () => revokeOperation('succeeded') });
    const { result } = renderHook(() => useOperation('op_1', revokeOperation('queued'), 20), { wrapper: QueryWrapper });
    expect(result.current.op?.state).toBe('queued');
    expect(reads(fetchMock)).toBe(0);
    await waitFor(() => expect(result.current.op?.state).toBe('succeeded'));
    expect(reads(fetchMock)).toBe(1);
  });

  it('stops on not_found and reports the error', async () => {
    const fetchMock = mockApi({ [PATH]: errorResponse(404, 'not_found', 'no such operation') });
    const { result } = renderHook(() => useOperation('op_1', null, 10), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.error?.code).toBe('not_found'));
    await new Promise((r) => setTimeout(r, 60));
    expect(reads(fetchMock)).toBe(1);
    expect(result.current.op).toBeNull();
  });

  it('replace() shows a cancel/retry body and follows the operation again', async () => {
    let state: 'failed' | 'running' | 'succeeded' = 'failed';
    const fetchMock = mockApi({ [PATH]: () => revokeOperation(state) });
    const { result } = renderHook(() => useOperation('op_1', null, 200), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.op?.state).toBe('failed'));
    const before = reads(fetchMock);
    state = 'succeeded';
    act(() => result.current.replace(revokeOperation('running')));
    await waitFor(() => expect(result.current.op?.state).toBe('running'));
    await waitFor(() => expect(result.current.op?.state).toBe('succeeded'));
    expect(reads(fetchMock)).toBeGreaterThan(before);
  });

  it('backs off after failures and never polls a terminal or hidden operation', () => {
    const unavailable = new ApiError({ code: 'unavailable', message: 'x', status: 503 });
    const denied = new ApiError({ code: 'permission_denied', message: 'x', status: 403 });
    expect(operationPollDelay(revokeOperation('running'), null, 0, 500)).toBe(500);
    expect(operationPollDelay(revokeOperation('succeeded'), null, 0, 500)).toBe(false);
    expect(operationPollDelay(undefined, unavailable, 1, 500)).toBe(1000);
    expect(operationPollDelay(undefined, unavailable, 3, 500)).toBe(4000);
    expect(operationPollDelay(undefined, unavailable, 10, 500)).toBe(10_000);
    expect(operationPollDelay(revokeOperation('running'), denied, 1, 500)).toBe(false);
  });
});
