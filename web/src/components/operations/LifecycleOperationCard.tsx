import { useCallback, useId, useState } from 'react';
import {
  getCatalogue,
  INTENT_LABELS,
  INTENT_ORDER,
  startOperation,
  type CatalogOperation,
  type CatalogTarget,
  type OperationIntent,
  type OperationTargetRef,
  type OperationView,
} from '../../api/operations';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { FormError } from '../FormError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { ConfirmOperationDialog } from './ConfirmOperationDialog';
import { DangerBadge } from './OperationBadges';
import { OperationProgress } from './OperationProgress';

interface LifecycleOperationCardProps {
  target: OperationTargetRef;
  /** Heading of the card. */
  title?: string;
  /** Parameters to start a kind with, by kind (e.g. the self-test's step count). */
  params?: Record<string, Record<string, unknown>>;
  /** Called when an operation started here reaches a terminal state. */
  onFinished?: (op: OperationView) => void;
  /** Poll interval of the progress (tests shorten it). */
  pollMs?: number;
}

/** Why an operation cannot be started now, in words; null when it can. */
export function unavailableReason(op: CatalogOperation): string | null {
  if (op.available) return null;
  if (!op.permitted) return op.not_permitted_reason || 'You are not allowed to run this operation.';
  const unmet = op.preconditions.filter((p) => !p.met).map((p) => p.reason || p.description);
  return unmet.length > 0 ? `Not available: ${unmet.join('; ')}.` : 'Not available right now.';
}

/** Catalogue entries by intent, in the console's intent order (unknown intents last). */
export function groupByIntent(operations: CatalogOperation[]) {
  const groups = new Map<string, CatalogOperation[]>();
  for (const intent of INTENT_ORDER) groups.set(intent, []);
  for (const op of operations) {
    const list = groups.get(op.intent) ?? [];
    list.push(op);
    groups.set(op.intent, list);
  }
  return [...groups.entries()].filter(([, ops]) => ops.length > 0);
}

/**
 * The lifecycle operations of one target (a token, a user, the platform):
 * loaded from its catalogue, grouped by intent, each with its danger,
 * preconditions and expected result. Starting one asks for confirmation as
 * the catalogue says, then follows its progress live.
 */
export function LifecycleOperationCard({
  target,
  title = 'Operations',
  params,
  onFinished,
  pollMs,
}: LifecycleOperationCardProps) {
  const headingId = useId();
  const { state, reload, refreshing } = useResource(['operations', 'catalogue', target.type, target.id], (signal) =>
    getCatalogue(target, signal),
  );
  const [confirming, setConfirming] = useState<CatalogOperation | null>(null);
  const [started, setStarted] = useState<OperationView | null>(null);
  const start = useAction();

  async function run(op: CatalogOperation, catalogTarget: CatalogTarget, confirmation: string | undefined) {
    const result = await start.run(() =>
      startOperation({
        kind: op.kind,
        target: { type: catalogTarget.type, id: catalogTarget.id },
        params: params?.[op.kind],
        confirmation,
      }),
    );
    if (result.ok) {
      setConfirming(null);
      setStarted(result.value);
    }
  }

  function choose(op: CatalogOperation, catalogTarget: CatalogTarget) {
    start.clearError();
    if (op.confirmation === 'typed' || op.confirmation === 'confirm' || op.danger === 'destructive') {
      setConfirming(op);
    } else {
      void run(op, catalogTarget, undefined);
    }
  }

  const finished = useCallback(
    (op: OperationView) => {
      reload();
      onFinished?.(op);
    },
    [reload, onFinished],
  );

  return (
    <section
      className="card op-card"
      aria-labelledby={headingId}
      aria-busy={refreshing || undefined}
      data-testid="operations-card"
    >
      <div className="card__header">
        <h3 id={headingId} className="card__title">
          {title}
        </h3>
        {state.status === 'ok' && (
          <span className="muted small">
            on {state.data.target.type} <strong>{state.data.target.name}</strong>
          </span>
        )}
      </div>
      {started && (
        <OperationProgress key={started.id} started={started} onFinished={finished} pollMs={pollMs} />
      )}
      {state.status === 'loading' && <LoadingState label="Loading operations…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (state.data.operations.length === 0 ? (
          <EmptyState title={`No operations exist for this ${state.data.target.type}.`} />
        ) : (
          groupByIntent(state.data.operations).map(([intent, ops]) => (
            <div key={intent} className="op-group" data-testid="operation-group" data-intent={intent}>
              <h4 className="op-group__title">{INTENT_LABELS[intent as OperationIntent] ?? intent}</h4>
              <ul className="op-list">
                {ops.map((op) => (
                  <OperationItem
                    key={op.kind}
                    op={op}
                    busy={start.pending}
                    onChoose={() => choose(op, state.data.target)}
                  />
                ))}
              </ul>
            </div>
          ))
        ))}
      {!confirming && <FormError error={start.error} />}
      {confirming && state.status === 'ok' && (
        <ConfirmOperationDialog
          operation={confirming}
          target={state.data.target}
          pending={start.pending}
          error={start.error}
          onConfirm={(confirmation) => void run(confirming, state.data.target, confirmation)}
          onCancel={() => {
            setConfirming(null);
            start.clearError();
          }}
        />
      )}
    </section>
  );
}

function OperationItem({ op, busy, onChoose }: { op: CatalogOperation; busy: boolean; onChoose: () => void }) {
  const reasonId = useId();
  const reason = unavailableReason(op);
  const asks = op.confirmation !== 'none' || op.danger === 'destructive';
  return (
    <li className="op" data-testid="operation" data-kind={op.kind} data-available={op.available}>
      <div className="op__header">
        <h5 className="op__title">{op.title}</h5>
        <DangerBadge danger={op.danger} />
        <button
          type="button"
          className={`button button--small${op.danger === 'destructive' ? ' button--danger-outline' : ''}`}
          disabled={!op.available || busy}
          aria-describedby={reason ? reasonId : undefined}
          onClick={onChoose}
        >
          {op.title}
          {asks ? '…' : ''}
        </button>
      </div>
      <p className="op__description">{op.description}</p>
      {op.preconditions.length > 0 && (
        <ul className="op__preconditions" aria-label={`Preconditions of ${op.title}`}>
          {op.preconditions.map((p) => (
            <li
              key={p.id}
              data-testid="precondition"
              data-met={p.met}
              className={p.met ? 'op__pre--met' : 'op__pre--unmet'}
            >
              <span aria-hidden="true">{p.met ? '✓' : '✗'}</span>{' '}
              <span className="visually-hidden">{p.met ? 'Met:' : 'Not met:'}</span> {p.description}
              {!p.met && p.reason && <span className="op__reason"> — {p.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="op__expected small">
        <span className="muted">Expected result:</span> {op.expected_result}
      </p>
      {reason && (
        <p id={reasonId} className="op__blocked small" data-testid="operation-unavailable">
          {reason}
        </p>
      )}
    </li>
  );
}
