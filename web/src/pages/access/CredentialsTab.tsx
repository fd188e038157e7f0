import { Link } from 'react-router-dom';
import { listServiceAccounts, listProjects } from '../../api/access';
import { isApiError } from '../../api/client';
import { listSshKeys, listTokens } from '../../api/me';
import type { Project, ServiceAccount, SshKey, Token } from '../../api/types';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { TokensTable } from '../../components/TokensTable';
import { plural } from '../../format';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { ServiceAccountTokensTable } from './ServiceAccountTokensTable';

export interface ProjectAccounts {
  project: Project;
  /** null when the caller's role does not allow listing them. */
  accounts: ServiceAccount[] | null;
  reason?: string;
}

interface Credentials {
  keys: SshKey[];
  tokens: Token[];
  projects: ProjectAccounts[];
}

async function loadCredentials(signal: AbortSignal): Promise<Credentials> {
  const [keys, tokens, projects] = await Promise.all([
    listSshKeys(signal),
    listTokens(signal),
    listProjects(signal),
  ]);
  const perProject = await Promise.all(
    projects.items.map(async (project): Promise<ProjectAccounts> => {
      try {
        const sas = await listServiceAccounts(project.id, signal);
        return { project, accounts: sas.items };
      } catch (err) {
        if (isApiError(err) && (err.status === 403 || err.status === 404)) {
          return { project, accounts: null, reason: err.message };
        }
        throw err;
      }
    }),
  );
  return { keys: keys.items, tokens: tokens.items, projects: perProject };
}

/** Every credential the user holds or administers, with posture; never a secret. */
export function CredentialsTab() {
  const { state, reload } = useResource(['credentials'], loadCredentials);
  if (state.status === 'loading') return <LoadingState label="Loading your credentials…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { keys, tokens, projects } = state.data;
  const activeTokens = tokens.filter((t) => t.status === 'active').length;

  return (
    <div className="stack">
      <Panel title="SSH keys" id="cred-ssh-title">
        <p data-testid="ssh-key-count">
          {keys.length === 0 ? 'You have no SSH keys.' : `You have ${plural(keys.length, 'SSH key')}.`}{' '}
          <Link to="/account/security">Manage SSH keys</Link>
        </p>
      </Panel>
      <Panel title="Personal API tokens" id="cred-tokens-title">
        {tokens.length === 0 ? (
          <EmptyState title="You have no personal API tokens.">
            <Link to="/account/security">Create one under Account → Security</Link>
          </EmptyState>
        ) : (
          <>
            <p className="muted">
              {plural(activeTokens, 'active token')} of {tokens.length}.{' '}
              <Link to="/account/security">Manage tokens</Link>
            </p>
            <TokensTable tokens={tokens} labelledBy="cred-tokens-title" />
          </>
        )}
      </Panel>
      <Panel title="Service-account tokens" id="cred-sa-title">
        {projects.length === 0 ? (
          <EmptyState title="You are not in any project, so there are no service accounts to show." />
        ) : (
          <ServiceAccountTokensTable projects={projects} />
        )}
      </Panel>
    </div>
  );
}
