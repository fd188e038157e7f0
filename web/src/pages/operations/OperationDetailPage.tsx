import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  auditPageFor,
  cancelOperation,
  isTerminal,
  retryOperation,
  type OperationView,
} from '../../api/operations';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { DangerBadge, OperationStateBadge } from '../../components/operations/OperationBadges';
import { OperationSteps } from '../../components/operations/OperationSteps';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Time } from '../../components/Time';
import { useAction } from '../../hooks/useAction';
import { useOperation } from '../../hooks/useOperation';
import { detailRoute } from '../../routes';
import { ResourceHeader } from '../../ui/ResourceHeader';
import { useDocumentTitle } from '../useDocumentTitle';

const route = detailRoute('/operations/:operationId');

/** /operations/:id — one operation: header, steps, timeline, result or error, controls and evidence. */
export function OperationDetailPage() {
  const { operationId = '' } = useParams();
  const { op, error, replace } = useOperation(operationId);
  useDocumentTitle(op ? `${op.title} · Operation` : 'Operation');

  return (
    <article className="page page--wide" data-testid="operation-page">
      {!op && (
        <ResourceHeader name="Operation" kind="Operation" back={route.back} />
      )}
      {!op && !error && <LoadingState label="Loading the operation…" />}
      {!op && error && <ErrorState error={error} />}
      {op && <OperationDetail op={op} onChange={replace} refreshError={error?.message ?? null} />}
    </article>
  );
}

function OperationDetail({
  op,
  onChange,
  refreshError,
}: {
  op: OperationView;
  onChange: (view: OperationView) => void;
  refreshError: string | null;
}) {
  const control = useAction();
  const done = isTerminal(op.state);
  const auditPage = auditPageFor(op.evidence.audit);

  async function cancel() {
    const result = await control.run(() => cancelOperation(op.id));
    if (result.ok) onChange(result.value);
  }
  async function retry() {
    const result = await control.run(() => retryOperation(op.id));
    if (result.ok) onChange(result.value);
  }

  const facts: Array<[string, ReactNode]> = [
    ['Operation id', <code>{op.id}</code>],
    ['Kind', <code>{op.kind}</code>],
    [
      'Target',
      <>
        {op.target.type}{' '}
        {op.evidence.target ? (
          <Link to={op.evidence.target}>{op.target.name || op.target.id}</Link>
        ) : (
          <strong>{op.target.name || op.target.id}</strong>
        )}{' '}
        <code>{op.target.id}</code>
      </>,
    ],
    ['Requested by', op.requester.label || op.requester.id],
    ['Created', <Time iso={op.created_at} />],
    ['Finished', <Time iso={op.finished_at} empty={done ? '—' : 'not yet'} />],
    ['Attempt', `${op.attempt} of ${op.max_attempts}`],
    ['Request id', <code>{op.request_id}</code>],
  ];

  return (
    <>
      <ResourceHeader
        name={op.title}
        kind="Operation"
        back={route.back}
        subtitle={
          <span className="op-page__badges">
            <OperationStateBadge state={op.state} /> {op.danger && <DangerBadge danger={op.danger} />}{' '}
            <span className="muted">
              on {op.target.type}{' '}
              {op.evidence.target ? (
                <Link to={op.evidence.target} aria-label={`Back to ${op.target.type} ${op.target.name || op.target.id}`}>
                  {op.target.name || op.target.id}
                </Link>
              ) : (
                <strong>{op.target.name || op.target.id}</strong>
              )}
              , requested by {op.requester.label || op.requester.id}
            </span>
          </span>
        }
        primaryAction={
          !done && op.cancellable ? (
            <ConfirmButton
              label={op.cancel_requested ? 'Cancel requested' : 'Cancel operation'}
              prompt="Cancel this operation? Steps already done stay done."
              confirmLabel="Cancel operation"
              disabled={op.cancel_requested}
              onConfirm={cancel}
            />
          ) : op.state === 'failed' ? (
            <button type="button" className="button button--primary" onClick={retry} disabled={control.pending}>
              {control.pending ? 'Retrying…' : 'Retry operation'}
            </button>
          ) : undefined
        }
      />
      <div className="stack">
        {!done && !op.cancellable && (
          <p className="muted small">This operation cannot be cancelled once started.</p>
        )}
        <FormError error={control.error} />
        {refreshError && !done && <p className="muted small">Could not refresh: {refreshError} Retrying…</p>}

        <section className="card" aria-labelledby="op-steps-title">
          <h2 id="op-steps-title" className="card__title">
            Steps
          </h2>
          <OperationSteps steps={op.steps} />
        </section>

        {op.state === 'failed' && op.error && (
          <section className="card card--error" aria-labelledby="op-error-title" data-testid="operation-error">
            <h2 id="op-error-title" className="card__title">
              Error
            </h2>
            <p>
              <code>{op.error.code}</code> {op.error.message}
            </p>
          </section>
        )}
        {op.state === 'succeeded' && (
          <section className="card" aria-labelledby="op-result-title" data-testid="operation-result">
            <h2 id="op-result-title" className="card__title">
              Result
            </h2>
            {isEmptyResult(op.result) ? (
              <p className="muted">Succeeded. This operation reports no result data.</p>
            ) : (
              <pre className="code-block">{JSON.stringify(op.result, null, 2)}</pre>
            )}
          </section>
        )}

        <section className="card" aria-labelledby="op-timeline-title">
          <h2 id="op-timeline-title" className="card__title">
            Timeline
          </h2>
          {op.timeline.length === 0 ? (
            <p className="muted">No events yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--dense" aria-labelledby="op-timeline-title">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Event</th>
                    <th scope="col">Stage</th>
                    <th scope="col">Attempt</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {op.timeline.map((e) => (
                    <tr key={e.seq} data-testid="operation-event" data-type={e.type}>
                      <td>
                        <Time iso={e.at} />
                      </td>
                      <td>
                        <code>{e.type}</code>
                      </td>
                      <td>{e.stage}</td>
                      <td>{e.attempt}</td>
                      <td className="table__wrap-text">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="op-facts-title">
          <h2 id="op-facts-title" className="card__title">
            Details and evidence
          </h2>
          <dl className="kv">
            {facts.map(([k, v]) => (
              <div className="kv__row" key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div className="pivots">
            {auditPage && (
              <Link className="button button--small" to={auditPage}>
                Audit events of this request
              </Link>
            )}
            {op.evidence.target && (
              <Link className="button button--small" to={op.evidence.target}>
                Open the {op.target.type}
              </Link>
            )}
          </div>
        </section>

        <ActivityTimeline
          resource={{ type: op.target.type, id: op.target.id }}
          title={`Activity of the ${op.target.type}`}
          refreshKey={op.state}
        />
      </div>
    </>
  );
}

function isEmptyResult(result: unknown) {
  if (result === null || result === undefined) return true;
  return typeof result === 'object' && Object.keys(result as object).length === 0;
}
