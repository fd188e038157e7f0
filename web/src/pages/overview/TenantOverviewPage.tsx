import { Link } from 'react-router-dom';
import type { Project } from '../../api/types';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { formatTime, plural } from '../../format';
import { detailRoute } from '../../routes';
import { ActionBand, type ActionBandItem } from '../../ui/ActionBand';
import { ContextStrip } from '../../ui/ContextStrip';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { ResourceHeader } from '../../ui/ResourceHeader';
import { Panel } from '../Panel';
import { useDocumentTitle } from '../useDocumentTitle';
import { useWorkingScope } from './useWorkingScope';

const route = detailRoute('/tenant/overview');

const projectColumns = [
  { id: 'name', header: 'Project', cell: (p: Project) => p.name, sortValue: (p: Project) => p.name },
  { id: 'role', header: 'Your role', cell: (p: Project) => p.role ?? '—', sortValue: (p: Project) => p.role ?? '' },
  {
    id: 'created',
    header: 'Created',
    cell: (p: Project) => formatTime(p.created_at),
    sortValue: (p: Project) => p.created_at,
  },
];

/**
 * /tenant/overview: the tenant of the project picked in the top bar.
 * Governance (projects, roles), access, spend and recent changes; spend is
 * an honest empty state until metering exists.
 */
export function TenantOverviewPage() {
  const scope = useWorkingScope();
  useDocumentTitle(scope.status === 'ok' && scope.tenant ? `${scope.tenant.name} · Tenant` : route.label);

  if (scope.status === 'loading') return <LoadingState label="Loading your tenants…" />;
  if (scope.status === 'error') return <ErrorState error={scope.error} onRetry={scope.reload} />;
  const { tenant } = scope;
  if (!tenant) {
    return (
      <article className="page page--wide">
        <ResourceHeader name={route.label} kind="Tenant" back={route.back} />
        <EmptyState title="You do not belong to a tenant yet.">
          Signing up creates a personal tenant; an owner of another tenant can invite you. See{' '}
          <Link to="/access">Access</Link>.
        </EmptyState>
      </article>
    );
  }

  const projects = scope.projects.filter((p) => p.tenant_id === tenant.id);
  const manages = tenant.role === 'owner' || tenant.role === 'admin';
  const actions: ActionBandItem[] =
    projects.length === 0 && manages
      ? [
          {
            id: 'first-project',
            title: 'This tenant has no project yet',
            reason: 'Workloads, quotas and service accounts all live in a project.',
            severity: 'info',
            action: { label: 'Create a project', to: `/access?tenant=${encodeURIComponent(tenant.id)}` },
          },
        ]
      : [];

  return (
    <article className="page page--wide" data-testid="tenant-overview">
      <ResourceHeader
        name={tenant.name}
        kind="Tenant"
        subtitle={tenant.personal ? 'Personal tenant' : 'Organisation tenant'}
        back={route.back}
        primaryAction={
          <Link className="button button--primary" to={`/access?tenant=${encodeURIComponent(tenant.id)}`}>
            Members and roles
          </Link>
        }
      />
      <ContextStrip
        label="Tenant facts"
        items={[
          { label: 'Your role', value: tenant.role ?? 'none' },
          { label: 'Projects you see', value: plural(projects.length, 'project') },
          { label: 'Created', value: formatTime(tenant.created_at) },
          { label: 'Tenant id', value: <code>{tenant.id}</code> },
        ]}
      />
      <ActionBand items={actions} emptyText="Nothing in this tenant needs your action." />
      <div className="overview-grid">
        <Panel title="Projects" id="tenant-projects-title">
          <DataTable
            caption={`Projects of ${tenant.name}`}
            columns={projectColumns}
            rows={projects}
            getRowId={(p) => p.id}
            rowHref={(p) => `/project/overview?project=${encodeURIComponent(p.id)}`}
            empty={{ title: 'No projects you can see in this tenant.' }}
          />
        </Panel>
        <Panel title="Spend" id="tenant-spend-title">
          <EmptyState title="Spend is not metered yet.">
            Spend per project appears here once metering lands.
          </EmptyState>
        </Panel>
      </div>
      <ActivityTimeline resource={{ type: 'tenant', id: tenant.id }} title="Recent changes" />
    </article>
  );
}
