import { useCurrentUser } from '../../auth/AuthContext';
import { ProjectPicker } from './ProjectPicker';
import { QuotaAdminPanel } from './QuotaAdminPanel';
import { ProjectQuotaPanel } from './ProjectQuotaPanel';
import { useState } from 'react';

export function QuotasTab() {
  const user = useCurrentUser();
  // Bumped after an admin edit so the usage table re-reads the effective limits.
  const [version, setVersion] = useState(0);
  return (
    <ProjectPicker>
      {(project) => (
        <>
          <ProjectQuotaPanel key={`${project.id}:${version}`} project={project} />
          {user.platform_admin ? (
            <QuotaAdminPanel key={project.id} project={project} onChanged={() => setVersion((v) => v + 1)} />
          ) : (
            <p className="notice">
              Limits are set by platform admins (a platform default, or an override for this project).
            </p>
          )}
        </>
      )}
    </ProjectPicker>
  );
}
