import { Link } from 'react-router-dom';
import type { ProjectMembership, TenantMembership } from '../../api/types';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../Panel';

export function MembershipSummary({
  tenants,
  projects,
}: {
  tenants: TenantMembership[];
  projects: ProjectMembership[];
}) {
  return (
    <Panel title="Memberships" id="memberships-title">
      {tenants.length === 0 && projects.length === 0 ? (
        <EmptyState title="You are not a member of any tenant or project yet.">
          A tenant owner or admin can add you by your email address.
        </EmptyState>
      ) : (
        <div className="columns">
          <div>
            <h4 className="subheading">Tenants</h4>
            {tenants.length === 0 ? (
              <p className="muted">No tenant memberships.</p>
            ) : (
              <ul className="plain-list">
                {tenants.map((t) => (
                  <li key={t.id}>
                    <Link to={`/access?tenant=${encodeURIComponent(t.id)}`}>{t.name}</Link>{' '}
                    {t.personal && <Badge tone="neutral">personal</Badge>} <Badge tone="info">{t.role}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4 className="subheading">Projects</h4>
            {projects.length === 0 ? (
              <p className="muted">No project memberships.</p>
            ) : (
              <ul className="plain-list">
                {projects.map((p) => (
                  <li key={p.id}>
                    <Link to={`/access?project=${encodeURIComponent(p.id)}`}>
                      {p.tenant_name} / {p.name}
                    </Link>{' '}
                    <Badge tone="info">{p.role}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Panel>
  );
}
