import type { ApiError } from '../../api/client';
import type { Project, Tenant } from '../../api/types';
import { pickProject, useCurrentProjectId } from '../../shell/currentProject';
import { useMemberships } from '../access/useMemberships';

export type WorkingScope =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError; reload: () => void }
  | { status: 'ok'; project: Project | undefined; tenant: Tenant | undefined; tenants: Tenant[]; projects: Project[] };

/** The project picked in the top-bar switcher and its tenant (or the first ones the user has). */
export function useWorkingScope(): WorkingScope {
  const { state, reload } = useMemberships();
  const [wanted] = useCurrentProjectId();
  if (state.status === 'loading') return { status: 'loading' };
  if (state.status === 'error') return { status: 'error', error: state.error, reload };
  const { projects, tenants } = state.data;
  const project = pickProject(projects, wanted);
  const tenant = tenants.find((t) => t.id === project?.tenant_id) ?? tenants[0];
  return { status: 'ok', project, tenant, tenants, projects };
}
