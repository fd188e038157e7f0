import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { isTerminal, operationPath, type OperationView } from '../../api/operations';
import { useOperation } from '../../hooks/useOperation';
import { OperationStateBadge } from './OperationBadges';
import { OperationSteps } from './OperationSteps';

interface OperationProgressProps {
  /** The 202 body of the start. */
  started: OperationView;
  /** Called once, when the operation reaches a terminal state. */
  onFinished?: (op: OperationView) => void;
  pollMs?: number;
}

/** Live progress of an operation just started: stage, steps, outcome, and a link to its page. */
export function OperationProgress({ started, onFinished, pollMs }: OperationProgressProps) {
  const { op: current, error } = useOperation(started.id, started, pollMs);
  const op = current ?? started;
  const reported = useRef(false);

  useEffect(() => {
    if (!reported.current && isTerminal(op.state)) {
      reported.current = true;
      onFinished?.(op);
    }
  }, [op, onFinished]);

  const done = isTerminal(op.state);
  return (
    <div
      className={`op-progress op-progress--${op.state}`}
      data-testid="operation-progress"
      data-operation-id={op.id}
      data-state={op.state}
    >
      <div className="op-progress__header">
        <strong>{op.title}</strong> <OperationStateBadge state={op.state} />
        <Link to={operationPath(op.id)} className="op-progress__link">
          Open operation page
        </Link>
      </div>
      <p className="op-progress__status" role="status">
        {done
          ? op.state === 'succeeded'
            ? `${op.title} succeeded.`
            : op.state === 'failed'
              ? `${op.title} failed${op.error ? `: ${op.error.message}` : '.'}`
              : `${op.title} was cancelled.`
          : `${op.state === 'queued' ? 'Queued' : 'Running'}: ${
              op.steps.find((s) => s.name === op.stage)?.title ?? op.stage
            }${op.attempt > 1 ? ` (attempt ${op.attempt} of ${op.max_attempts})` : ''}`}
      </p>
      <OperationSteps steps={op.steps} />
      {error && !done && <p className="muted small">Could not refresh the progress: {error.message} Retrying…</p>}
    </div>
  );
}
