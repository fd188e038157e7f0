import type { OperationDanger, OperationState, StepState } from '../../api/operations';
import { StateBadge } from '../../ui/StateBadge';
import { Badge, type BadgeTone } from '../Badge';

/**
 * Operations speak StateBadge's one colour language. A running operation is
 * work in progress (info), unlike a running workload (success).
 */
export function OperationStateBadge({ state }: { state: OperationState | string }) {
  return (
    <span data-testid="operation-state" data-state={state}>
      <StateBadge state={state === 'running' ? 'in_progress' : state} label={state} />
    </span>
  );
}

const DANGER_TONE: Record<OperationDanger, BadgeTone> = {
  safe: 'success',
  caution: 'warning',
  destructive: 'danger',
};

export function DangerBadge({ danger }: { danger: OperationDanger | string }) {
  return <Badge tone={DANGER_TONE[danger as OperationDanger] ?? 'neutral'}>{danger}</Badge>;
}

/** A step's state in StateBadge's words: done = succeeded, skipped = cancelled. */
const STEP_AS_STATE: Record<StepState, string> = {
  done: 'succeeded',
  running: 'in_progress',
  pending: 'queued',
  failed: 'failed',
  skipped: 'cancelled',
};

export function StepStateBadge({ state }: { state: StepState | string }) {
  return <StateBadge state={STEP_AS_STATE[state as StepState] ?? state} label={state} />;
}

/** Outcome of an activity entry or audit row. */
export function outcomeTone(outcome: string): BadgeTone {
  switch (outcome) {
    case 'allowed':
    case 'succeeded':
      return 'success';
    case 'denied':
    case 'failed':
      return 'danger';
    case 'cancelled':
      return 'warning';
    case 'started':
      return 'info';
    default:
      return 'neutral';
  }
}
