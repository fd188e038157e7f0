import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Project, Tenant } from '../../api/types';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useMemberships } from './useMemberships';

interface ProjectPickerProps {
  children: (project: Project, tenants: Tenant[]) => ReactNode;
}

/** Project selector kept in ?project=, shared by the per-project Access tabs. */
export function ProjectPicker({ children }: ProjectPickerProps) {
  const { state, reload } = useMemberships();
  const [params, setParams] = useSearchParams();
  const id = useId();

  if (state.status === 'loading') return <LoadingState label="Loading your projects…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { projects, tenants } = state.data;
  if (projects.length === 0) {
    return (
      <EmptyState title="You are not in any project yet.">
        A tenant owner or admin can create a project and add you to it.
      </EmptyState>
    );
  }
  const wanted = params.get('project');
  const project = projects.find((p) => p.id === wanted) ?? projects[0];
  if (!project) return null;

  return (
    <div className="stack">
      <div className="picker">
        <label htmlFor={id} className="field__label">
          Project
        </label>
        <select
          id={id}
          className="field__input"
          value={project.id}
          onChange={(e) => setParams({ project: e.target.value }, { replace: true })}
        >
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.tenant_name} / {p.name}
              {p.role ? ` (${p.role})` : ''}
            </option>
          ))}
        </select>
        {wanted && wanted !== project.id && (
          <p className="field__hint" role="status">
            Project <code>{wanted}</code> is not visible to you; showing {project.name}.
          </p>
        )}
      </div>
      {children(project, tenants)}
    </div>
  );
}
