import { useCallback, useState } from 'react';
import type { ApiError } from '../api/client';
import { toApiError } from './toApiError';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * One user action (a form submit, a confirmed delete): tracks pending state
 * and the last ApiError so the form can show it next to the field it names.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<ActionResult<T>> => {
    setPending(true);
    setError(null);
    try {
      const value = await fn();
      return { ok: true, value };
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError);
      return { ok: false, error: apiError };
    } finally {
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, setError, clearError };
}
