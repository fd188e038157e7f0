import { getProjectQuota } from '../../api/limits';
import type { Project } from '../../api/types';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { RESOURCE_LABEL, SOURCE_LABEL, limitText } from './quotaText';

export function ProjectQuotaPanel({ project }: { project: Project }) {
  const { state, reload, refreshing } = useResource(['projects', project.id, 'quota'], (signal) => getProjectQuota(project.id, signal));
  return (
    <Panel title={`Usage and limits of ${project.tenant_name} / ${project.name}`} id="quota-title" busy={refreshing}>
      {state.status === 'loading' && <LoadingState label="Loading quota…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (state.data.resources.length === 0 ? (
          <EmptyState title="The server reported no quota lines for this project." />
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="quota-title">
              <thead>
                <tr>
                  <th scope="col">Resource</th>
                  <th scope="col">Used</th>
                  <th scope="col">Limit</th>
                  <th scope="col">Headroom</th>
                  <th scope="col">Limit set by</th>
                </tr>
              </thead>
              <tbody>
                {state.data.resources.map((r) => (
                  <tr key={r.resource} data-testid="quota-row">
                    <th scope="row">{RESOURCE_LABEL[r.resource] ?? r.resource}</th>
                    <td>{r.used}</td>
                    <td>{limitText(r.limit)}</td>
                    <td>
                      {r.headroom === 0 ? <Badge tone="danger">0 · at limit</Badge> : limitText(r.headroom)}
                    </td>
                    <td>{SOURCE_LABEL[r.source] ?? r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Panel>
  );
}
