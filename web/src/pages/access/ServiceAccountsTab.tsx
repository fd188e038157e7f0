import { useCurrentUser } from '../../auth/AuthContext';
import { ProjectPicker } from './ProjectPicker';
import { ServiceAccountsPanel } from './ServiceAccountsPanel';
import { canManageProject } from './permissions';

export function ServiceAccountsTab() {
  const user = useCurrentUser();
  return (
    <ProjectPicker>
      {(project, tenants) => (
        <ServiceAccountsPanel
          key={project.id}
          project={project}
          canManage={canManageProject(user, project, tenants)}
        />
      )}
    </ProjectPicker>
  );
}
