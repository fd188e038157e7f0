import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError, type ApiError } from '../api/client';
import { getOperation, isTerminal, type OperationView } from '../api/operations';
import { toApiError } from './toApiError';

/** How often a running operation is re-read. */
export const OPERATION_POLL_MS = 500;

/**
 * Follows one operation: reads GET /operations/{id} every `intervalMs` until
 * it reaches a terminal state (succeeded, failed, cancelled). `initial` (the
 * 202 body of a start) is shown at once. `replace` takes the body of a cancel
 * or retry and follows the operation again from there.
 */
export function useOperation(id: string, initial: OperationView | null = null, intervalMs = OPERATION_POLL_MS) {
  const [op, setOp] = useState<OperationView | null>(initial && initial.id === id ? initial : null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  const opRef = useRef(op);
  opRef.current = op;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    async function tick() {
      try {
        const view = await getOperation(id, controller.signal);
        if (controller.signal.aborted) return;
        failures = 0;
        setOp(view);
        setError(null);
        if (!isTerminal(view.state)) timer = setTimeout(tick, intervalMs);
      } catch (err) {
        if (controller.signal.aborted || isAbortError(err)) return;
        const apiError = toApiError(err);
        setError(apiError);
        // Gone or hidden: stop. Anything else (network, 503): keep trying, slower.
        if (apiError.code === 'not_found' || apiError.code === 'permission_denied') return;
        failures += 1;
        timer = setTimeout(tick, Math.min(intervalMs * 2 ** failures, 10_000));
      }
    }

    const current = opRef.current;
    if (current && current.id === id) {
      // Already shown: re-read after one interval, unless it is finished.
      if (!isTerminal(current.state) || round > 0) timer = setTimeout(tick, intervalMs);
    } else {
      void tick();
    }
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [id, intervalMs, round]);

  const replace = useCallback((view: OperationView) => {
    setOp(view);
    setError(null);
    setRound((r) => r + 1);
  }, []);

  return { op, error, replace };
}
