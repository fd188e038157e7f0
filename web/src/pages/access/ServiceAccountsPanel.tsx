import { useState } from 'react';
import {
  createServiceAccountToken,
  deleteServiceAccount,
  listServiceAccounts,
  revokeServiceAccountToken,
} from '../../api/access';
import type { CreatedToken, Project } from '../../api/types';
import { FormError } from '../../components/FormError';
import { SecretPanel } from '../../components/SecretPanel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { CreateServiceAccountForm } from './CreateServiceAccountForm';
import { ServiceAccountCard } from './ServiceAccountCard';
import { PROJECT_MANAGE_REASON } from './permissions';

export function ServiceAccountsPanel({ project, canManage }: { project: Project; canManage: boolean }) {
  const { state, reload, refreshing } = useResource(['projects', project.id, 'service-accounts'], (signal) =>
    listServiceAccounts(project.id, signal),
  );
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<{ account: string; token: CreatedToken } | null>(null);

  async function mutate(fn: () => Promise<unknown>, done: string) {
    setNotice(null);
    const result = await action.run(fn);
    if (result.ok) setNotice(done);
    reload();
    return result;
  }

  return (
    <Panel title={`Service accounts in ${project.tenant_name} / ${project.name}`} id="sa-title" busy={refreshing}>
      {!canManage && <p className="notice">{PROJECT_MANAGE_REASON}</p>}
      {created && (
        <SecretPanel
          title={`Token ${created.token.token.name} created for ${created.account}`}
          secret={created.token.secret}
          onDismiss={() => setCreated(null)}
        />
      )}
      {state.status === 'loading' && <LoadingState label="Loading service accounts…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <EmptyState title="No service accounts in this project.">
            {canManage
              ? 'Create one below for CI jobs or automation that should not use a person’s token.'
              : 'A project admin can create one.'}
          </EmptyState>
        ) : (
          <ul className="card-list">
            {state.data.items.map((sa) => (
              <ServiceAccountCard
                key={sa.id}
                account={sa}
                canManage={canManage}
                onDelete={() =>
                  mutate(() => deleteServiceAccount(project.id, sa.id), `Service account ${sa.name} deleted.`)
                }
                onRevoke={(t) =>
                  mutate(
                    () => revokeServiceAccountToken(project.id, sa.id, t.id),
                    `Token ${t.name} revoked.`,
                  )
                }
                onCreateToken={async (name, days) => {
                  const result = await mutate(
                    () => createServiceAccountToken(project.id, sa.id, name, days),
                    '',
                  );
                  if (result.ok) setCreated({ account: sa.name, token: result.value as CreatedToken });
                  return result;
                }}
              />
            ))}
          </ul>
        ))}
      <FormError error={action.error} />
      <p role="status" className="form__status">
        {notice}
      </p>
      {canManage && (
        <CreateServiceAccountForm
          projectId={project.id}
          onCreated={(sa) => {
            setNotice(`Service account ${sa.name} created. Create a token for it to use it.`);
            reload();
          }}
        />
      )}
    </Panel>
  );
}
