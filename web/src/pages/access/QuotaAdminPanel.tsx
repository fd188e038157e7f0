import { deleteProjectQuota, getQuotaSettings, setPlatformQuota, setProjectQuota } from '../../api/limits';
import type { Project } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { QuotaLimitsForm } from './QuotaLimitsForm';

/** Platform admins: the platform default and this project's override. */
export function QuotaAdminPanel({ project, onChanged }: { project: Project; onChanged: () => void }) {
  const { state, reload, refreshing } = useResource(['quotas'], (signal) => getQuotaSettings(signal));
  const remove = useAction();

  const changed = () => {
    reload();
    onChanged();
  };

  if (state.status === 'loading') return <LoadingState label="Loading quota settings…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const override = state.data.overrides.find((o) => o.scope === 'project' && o.scope_id === project.id);

  return (
    <Panel title="Quota settings (platform admin)" id="quota-admin-title" busy={refreshing}>
      <div className="columns">
        <QuotaLimitsForm
          key={`override:${project.id}:${override?.updated_at ?? 'none'}`}
          title={override ? `Override for ${project.name}` : `No override for ${project.name}`}
          description={
            override
              ? 'This project uses these limits instead of the platform default.'
              : 'This project uses the platform default. Save limits here to override it.'
          }
          initial={override ?? state.data.platform}
          submitLabel={override ? 'Save override' : 'Create override'}
          save={(limits) => setProjectQuota(project.id, limits)}
          onSaved={changed}
        >
          {override && (
            <ConfirmButton
              label="Remove override"
              prompt={`Remove the override? ${project.name} falls back to the platform default.`}
              confirmLabel="Remove override"
              onConfirm={async () => {
                const r = await remove.run(() => deleteProjectQuota(project.id));
                if (r.ok) changed();
              }}
            />
          )}
          <FormError error={remove.error} />
        </QuotaLimitsForm>
        <QuotaLimitsForm
          key={`platform:${state.data.platform.max_gpus}:${state.data.platform.max_workloads}`}
          title="Platform default"
          description="Applies to every project and user without an override."
          initial={state.data.platform}
          submitLabel="Save platform default"
          save={(limits) => setPlatformQuota(limits)}
          onSaved={changed}
        />
      </div>
    </Panel>
  );
}
