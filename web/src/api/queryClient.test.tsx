import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { createApiQueryClient, queryRetryDelay, shouldRetryQuery } from './queryClient';

const err = (code: string, retryAfter: number | null = null) =>
  new ApiError({ code, message: code, status: code === 'unavailable' ? 503 : 400, retryAfter });

describe('query defaults', () => {
  it('retries only unavailable errors, at most twice', () => {
    expect(shouldRetryQuery(0, err('unavailable'))).toBe(true);
    expect(shouldRetryQuery(1, err('unavailable'))).toBe(true);
    expect(shouldRetryQuery(2, err('unavailable'))).toBe(false);
    for (const code of ['not_found', 'permission_denied', 'unauthenticated', 'rate_limited', 'internal']) {
      expect(shouldRetryQuery(0, err(code))).toBe(false);
    }
    expect(shouldRetryQuery(0, new Error('x'))).toBe(false);
  });

  it('waits Retry-After before a retry when the server sent one', () => {
    expect(queryRetryDelay(0, err('unavailable', 3))).toBe(3000);
    expect(queryRetryDelay(0, err('unavailable', 999))).toBe(30_000);
    expect(queryRetryDelay(0, err('unavailable'))).toBe(1000);
    expect(queryRetryDelay(1, err('unavailable'))).toBe(2000);
  });

  it('refetches on focus and keeps data fresh for about 10 s', () => {
    const defaults = createApiQueryClient().getDefaultOptions().queries!;
    expect(defaults.refetchOnWindowFocus).toBe(true);
    expect(defaults.staleTime).toBe(10_000);
    expect(defaults.retry).toBe(shouldRetryQuery);
  });
});
