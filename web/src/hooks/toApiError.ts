import { ApiError } from '../api/client';

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({
    code: 'internal',
    message: err instanceof Error ? err.message : String(err),
    status: 0,
  });
}
