import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { MembersPanel } from './MembersPanel';
import {
  PROJECT_MANAGE_REASON,
  TENANT_MANAGE_REASON,
  canManageProject,
  canManageTenant,
} from './permissions';
import { useMemberships } from './useMemberships';

const TENANT_ROLES = ['owner', 'admin', 'member'] as const;
const PROJECT_ROLES = ['admin', 'member', 'viewer'] as const;

/** Pick a tenant or project (kept in ?tenant= / ?project=), then manage its members. */
export function MembershipsTab() {
  const user = useCurrentUser();
  const { state, reload } = useMemberships();
  const [params, setParams] = useSearchParams();
  const selectId = useId();

  if (state.status === 'loading') return <LoadingState label="Loading tenants and projects…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { tenants, projects } = state.data;
  if (tenants.length === 0 && projects.length === 0) {
    return (
      <EmptyState title="You are not a member of any tenant or project yet.">
        A tenant owner or admin can add you by your email address.
      </EmptyState>
    );
  }

  const wantedProject = params.get('project');
  const wantedTenant = params.get('tenant');
  const matchedProject = projects.find((p) => p.id === wantedProject);
  const matchedTenant = matchedProject ? undefined : tenants.find((t) => t.id === wantedTenant);
  const unknownWanted = (wantedProject || wantedTenant) && !matchedProject && !matchedTenant;
  // Default: the first tenant, else the first project.
  const tenant = matchedProject ? undefined : (matchedTenant ?? tenants[0]);
  const pickedProject = matchedProject ?? (tenant ? undefined : projects[0]);
  const value = tenant ? `tenant:${tenant.id}` : pickedProject ? `project:${pickedProject.id}` : '';

  function onPick(v: string) {
    const [kind, ...rest] = v.split(':');
    setParams({ [kind === 'tenant' ? 'tenant' : 'project']: rest.join(':') }, { replace: true });
  }

  return (
    <div className="stack">
      <div className="picker">
        <label htmlFor={selectId} className="field__label">
          Tenant or project
        </label>
        <select
          id={selectId}
          className="field__input"
          value={value}
          onChange={(e) => onPick(e.target.value)}
        >
          {tenants.length > 0 && (
            <optgroup label="Tenants">
              {tenants.map((t) => (
                <option key={t.id} value={`tenant:${t.id}`}>
                  {t.name}
                  {t.personal ? ' (personal)' : ''}
                  {t.role ? ` · ${t.role}` : ''}
                </option>
              ))}
            </optgroup>
          )}
          {projects.length > 0 && (
            <optgroup label="Projects">
              {projects.map((p) => (
                <option key={p.id} value={`project:${p.id}`}>
                  {p.tenant_name} / {p.name}
                  {p.role ? ` · ${p.role}` : ''}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {unknownWanted && (
          <p className="field__hint" role="status">
            <code>{wantedProject ?? wantedTenant}</code> is not visible to you.
          </p>
        )}
      </div>
      {tenant && (
        <MembersPanel
          key={`tenant:${tenant.id}`}
          scope={{ kind: 'tenant', id: tenant.id }}
          title={`Members of tenant ${tenant.name}`}
          roles={TENANT_ROLES}
          canManage={canManageTenant(user, tenant)}
          reason={TENANT_MANAGE_REASON}
          selfId={user.id}
        />
      )}
      {!tenant && pickedProject && (
        <MembersPanel
          key={`project:${pickedProject.id}`}
          scope={{ kind: 'project', id: pickedProject.id }}
          title={`Members of project ${pickedProject.tenant_name} / ${pickedProject.name}`}
          roles={PROJECT_ROLES}
          canManage={canManageProject(user, pickedProject, tenants)}
          reason={PROJECT_MANAGE_REASON}
          selfId={user.id}
        />
      )}
    </div>
  );
}
