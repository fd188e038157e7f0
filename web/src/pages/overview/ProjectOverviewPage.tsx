import { Link } from 'react-router-dom';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { LifecycleOperationCard } from '../../components/operations/LifecycleOperationCard';
import { formatTime } from '../../format';
import { detailRoute } from '../../routes';
import { ActionBand } from '../../ui/ActionBand';
import { ContextStrip } from '../../ui/ContextStrip';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { ResourceHeader } from '../../ui/ResourceHeader';
import { ProjectQuotaPanel } from '../access/ProjectQuotaPanel';
import { Panel } from '../Panel';
import { useDocumentTitle } from '../useDocumentTitle';
import { useWorkingScope } from './useWorkingScope';

const route = detailRoute('/project/overview');

/**
 * /project/overview: the project picked in the top bar. Answers "what runs
 * here, what may it use, who is in it and what changed" from the read models
 * that exist today; the rest says honestly what is not built yet.
 */
export function ProjectOverviewPage() {
  const scope = useWorkingScope();
  useDocumentTitle(scope.status === 'ok' && scope.project ? `${scope.project.name} · Project` : route.label);

  if (scope.status === 'loading') return <LoadingState label="Loading your projects…" />;
  if (scope.status === 'error') return <ErrorState error={scope.error} onRetry={scope.reload} />;
  const { project } = scope;
  if (!project) {
    return (
      <article className="page page--wide">
        <ResourceHeader name={route.label} kind="Project" back={route.back} />
        <EmptyState title="You are not in any project yet.">
          A tenant owner or admin adds you to a project; it then appears in the project switcher
          at the top. Your tenants are listed under <Link to="/access">Access</Link>.
        </EmptyState>
      </article>
    );
  }

  const q = `?project=${encodeURIComponent(project.id)}`;
  return (
    <article className="page page--wide" data-testid="project-overview">
      <ResourceHeader
        name={project.name}
        kind="Project"
        subtitle={`in ${project.tenant_name}`}
        back={route.back}
        primaryAction={
          <Link className="button button--primary" to={`/access${q}`}>
            Members and roles
          </Link>
        }
      />
      <ContextStrip
        label="Project facts"
        items={[
          { label: 'Tenant', value: project.tenant_name },
          { label: 'Your role', value: project.role ?? 'none (tenant role applies)' },
          { label: 'Created', value: formatTime(project.created_at) },
          { label: 'Project id', value: <code>{project.id}</code> },
        ]}
      />
      <ActionBand
        items={[]}
        emptyText="Nothing in this project needs your action. Failed workloads and quota limits will show here."
      />
      <div className="overview-grid">
        <Panel title="Workloads" id="project-workloads-title">
          <EmptyState title="No workloads to show.">
            Compute workloads and apps are not in this build yet. Once they are, the ones running
            and provisioning in this project are listed here. <Link to="/workloads">Workloads</Link>
          </EmptyState>
        </Panel>
        <Panel title="Spend" id="project-spend-title">
          <EmptyState title="Spend is not metered yet.">
            Hourly cost and accrued spend appear here once metering lands. Your balance is under{' '}
            <Link to="/account/billing">Account → Balance &amp; billing</Link>.
          </EmptyState>
        </Panel>
      </div>
      <ProjectQuotaPanel project={project} />
      <LifecycleOperationCard target={{ type: 'project', id: project.id }} title="Project operations" />
      <ActivityTimeline resource={{ type: 'project', id: project.id }} title="Recent changes" />
    </article>
  );
}
