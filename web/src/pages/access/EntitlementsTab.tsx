import { getEntitlements } from '../../api/limits';
import type { Project } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthContext';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { EntitlementRuleView } from './EntitlementRuleView';
import { EntitlementsForm } from './EntitlementsForm';
import { ProjectPicker } from './ProjectPicker';

export function EntitlementsTab() {
  return <ProjectPicker>{(project) => <ProjectEntitlements key={project.id} project={project} />}</ProjectPicker>;
}

function ProjectEntitlements({ project }: { project: Project }) {
  const user = useCurrentUser();
  const { state, reload, setData } = useResource(['projects', project.id, 'entitlements'], (signal) =>
    getEntitlements(project.id, signal),
  );
  if (state.status === 'loading') return <LoadingState label="Loading entitlements…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const ent = state.data;
  return (
    <Panel title={`What ${project.tenant_name} / ${project.name} may launch`} id="entitlements-title">
      <div className="columns">
        <EntitlementRuleView title="GPU SKUs" noun="SKU" rule={ent.skus} />
        <EntitlementRuleView title="Apps" noun="app" rule={ent.apps} />
      </div>
      {user.platform_admin ? (
        <EntitlementsForm
          projectId={project.id}
          initial={{ skus: ent.skus, apps: ent.apps }}
          onSaved={(saved) => setData(() => saved)}
        />
      ) : (
        <p className="notice">Entitlements are set by platform admins.</p>
      )}
    </Panel>
  );
}
