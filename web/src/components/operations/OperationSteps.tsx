import type { OperationStep } from '../../api/operations';
import { StepStateBadge } from './OperationBadges';

/** The steps of an operation, in order, each with its state. */
export function OperationSteps({ steps, label = 'Steps' }: { steps: OperationStep[]; label?: string }) {
  if (steps.length === 0) return <p className="muted small">This operation has no steps.</p>;
  return (
    <ol className="op-steps" aria-label={label}>
      {steps.map((step) => (
        <li
          key={step.name}
          className={`op-steps__item op-steps__item--${step.state}`}
          data-testid="operation-step"
          data-state={step.state}
        >
          <span className="op-steps__title">{step.title}</span> <StepStateBadge state={step.state} />
        </li>
      ))}
    </ol>
  );
}
