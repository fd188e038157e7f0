import { Link } from 'react-router-dom';
import { EmptyState } from '../../ui/EmptyState';
import { Time } from '../../components/Time';
import { TokenStatus } from '../../components/TokenStatus';
import type { ProjectAccounts } from './CredentialsTab';

/** Service-account tokens across projects; projects the role cannot list are named. */
export function ServiceAccountTokensTable({ projects }: { projects: ProjectAccounts[] }) {
  const rows = projects.flatMap(({ project, accounts }) =>
    (accounts ?? []).flatMap((sa) => sa.tokens.map((token) => ({ project, sa, token }))),
  );
  const hidden = projects.filter((p) => p.accounts === null);
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title="No service-account tokens in the projects you can see." />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="cred-sa-title">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Service account</th>
                <th scope="col">Token</th>
                <th scope="col">Prefix</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ project, sa, token }) => (
                <tr key={token.id}>
                  <td>
                    <Link to={`/access/service-accounts?project=${encodeURIComponent(project.id)}`}>
                      {project.tenant_name} / {project.name}
                    </Link>
                  </td>
                  <td>{sa.name}</td>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}</code>
                  </td>
                  <td>
                    <Time iso={token.expires_at} empty="never" />
                  </td>
                  <td>
                    <Time iso={token.last_used_at} empty="never used" />
                  </td>
                  <td>
                    <TokenStatus token={token} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hidden.length > 0 && (
        <p className="muted small">
          Not shown (your role cannot list service accounts):{' '}
          {hidden.map((p) => `${p.project.tenant_name} / ${p.project.name}`).join(', ')}.
        </p>
      )}
    </>
  );
}
