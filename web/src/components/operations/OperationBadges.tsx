import type { OperationDanger, OperationState, StepState } from '../../api/operations';
import { Badge, type BadgeTone } from '../Badge';

const STATE_TONE: Record<OperationState, BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export function OperationStateBadge({ state }: { state: OperationState | string }) {
  return (
    <span data-testid="operation-state" data-state={state}>
      <Badge tone={STATE_TONE[state as OperationState] ?? 'neutral'}>{state}</Badge>
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

const STEP_TONE: Record<StepState, BadgeTone> = {
  done: 'success',
  running: 'info',
  pending: 'neutral',
  failed: 'danger',
  skipped: 'warning',
};

export function StepStateBadge({ state }: { state: StepState | string }) {
  return <Badge tone={STEP_TONE[state as StepState] ?? 'neutral'}>{state}</Badge>;
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
