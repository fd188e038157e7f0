import type { AuditEvent } from '../../api/types';
import { Time } from '../../components/Time';
import { OutcomeBadge } from './OutcomeBadge';

export function AuditTable({ events, onSelect }: { events: AuditEvent[]; onSelect: (e: AuditEvent) => void }) {
  return (
    <div className="table-wrap">
      <table className="table table--dense" aria-label="Audit events">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Project</th>
            <th scope="col">Outcome</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-action={e.action}>
              <td>
                <Time iso={e.occurred_at} />
              </td>
              <td>
                {e.actor_label || e.actor_id || '—'}
                <div className="muted small">{e.actor_type}</div>
              </td>
              <td>
                <code data-testid="audit-action">{e.action}</code>
              </td>
              <td>
                {e.target_type}
                {e.target_id && (
                  <div className="muted small">
                    <code>{e.target_id}</code>
                  </div>
                )}
              </td>
              <td>{e.project_id ? <code>{e.project_id}</code> : <span className="muted">—</span>}</td>
              <td>
                <OutcomeBadge outcome={e.outcome} />
              </td>
              <td className="table__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Details of ${e.action} at ${e.occurred_at}`}
                  onClick={() => onSelect(e)}
                >
                  Details
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
