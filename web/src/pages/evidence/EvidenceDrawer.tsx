import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { AuditFilters } from '../../api/audit';
import type { AuditEvent } from '../../api/types';
import { Drawer } from '../../ui/Drawer';
import { Time } from '../../components/Time';
import { OutcomeBadge } from './OutcomeBadge';

interface EvidenceDrawerProps {
  event: AuditEvent;
  onClose: () => void;
  onPivot: (filters: AuditFilters) => void;
}

export function EvidenceDrawer({ event: e, onClose, onPivot }: EvidenceDrawerProps) {
  const fields: Array<[string, ReactNode]> = [
    ['Event id', <code>{e.id}</code>],
    ['Time', <Time iso={e.occurred_at} />],
    ['Outcome', <OutcomeBadge outcome={e.outcome} />],
    ['Action', <code>{e.action}</code>],
    ['Actor', e.actor_label || '—'],
    ['Actor type', e.actor_type],
    ['Actor id', e.actor_id ? <code>{e.actor_id}</code> : '—'],
    ['Target type', e.target_type || '—'],
    ['Target id', e.target_id ? <code>{e.target_id}</code> : '—'],
    ['Project', e.project_id ? <code>{e.project_id}</code> : '—'],
    ['Tenant', e.tenant_id ? <code>{e.tenant_id}</code> : '—'],
    ['Request id', e.request_id ? <code>{e.request_id}</code> : '—'],
    ['Client IP', e.client_ip ? <code>{e.client_ip}</code> : '—'],
  ];
  const metadata = Object.entries(e.metadata ?? {});

  return (
    <Drawer title={`Audit event ${e.action}`} onClose={onClose}>
      <dl className="kv" data-testid="audit-detail">
        {fields.map(([k, v]) => (
          <div className="kv__row" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="subheading">Metadata</h3>
      {metadata.length === 0 ? (
        <p className="muted">No metadata recorded.</p>
      ) : (
        <dl className="kv" data-testid="audit-metadata">
          {metadata.map(([k, v]) => (
            <div className="kv__row" key={k}>
              <dt>
                <code>{k}</code>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="subheading">Pivots</h3>
      <div className="pivots">
        {e.actor_id && (
          <button type="button" className="button button--small" onClick={() => onPivot({ actor_id: e.actor_id })}>
            Filter by this actor
          </button>
        )}
        {e.target_id && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onPivot({ target_type: e.target_type, target_id: e.target_id })}
          >
            Filter by this target
          </button>
        )}
        {e.request_id && (
          <button type="button" className="button button--small" onClick={() => onPivot({ request_id: e.request_id })}>
            Filter by this request id
          </button>
        )}
        {e.project_id && (
          <Link className="button button--small" to={`/access?project=${encodeURIComponent(e.project_id)}`}>
            Open project
          </Link>
        )}
      </div>
    </Drawer>
  );
}
