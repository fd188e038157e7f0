import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from './client';

/** How long fetched data counts as fresh (no refetch on mount/focus before this). */
export const DEFAULT_STALE_TIME_MS = 10_000;
/** Retries for `unavailable` (network down, 503) answers. */
export const MAX_UNAVAILABLE_RETRIES = 2;

/**
 * Query retry policy: only transient `unavailable` errors (network failure,
 * 503) are retried, at most twice. Any other ApiError (404, 403, 400, 401,
 * 429 after the client's own Retry-After handling...) is final.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isApiError(error)) return error.code === 'unavailable' && failureCount < MAX_UNAVAILABLE_RETRIES;
  return false;
}

/** Wait before a retry: the server's Retry-After when it sent one (503 does), else 1 s, 2 s, ... */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfter !== null) return Math.min(error.retryAfter, 30) * 1000;
  return Math.min(1000 * 2 ** failureCount, 30_000);
}

export function createApiQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
        refetchOnWindowFocus: true,
        staleTime: DEFAULT_STALE_TIME_MS,
      },
      mutations: {
        retry: false,
      },
    },
  });
}

/** One QueryClient per mount (so each test render gets a fresh cache). */
export function ApiQueryProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createApiQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
