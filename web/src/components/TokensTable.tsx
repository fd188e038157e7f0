import type { Token } from '../api/types';
import { ConfirmButton } from './ConfirmButton';
import { Time } from './Time';
import { TokenStatus } from './TokenStatus';

interface TokensTableProps {
  tokens: Token[];
  labelledBy: string;
  /** Omit to show the table read-only. */
  onRevoke?: (token: Token) => Promise<unknown> | void;
  /** Opens the token's operations (revoke as an operation) and activity. */
  onOpen?: (token: Token) => void;
  showScopes?: boolean;
}

/** Token metadata only: the secret is never part of a listing. */
export function TokensTable({ tokens, labelledBy, onRevoke, onOpen, showScopes = true }: TokensTableProps) {
  const actions = Boolean(onRevoke || onOpen);
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            {showScopes && <th scope="col">Scopes</th>}
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-testid="token-row">
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}</code>
              </td>
              {showScopes && <td>{t.scopes.join(', ') || '—'}</td>}
              <td>
                <Time iso={t.expires_at} empty="never" />
              </td>
              <td>
                <Time iso={t.last_used_at} empty="never used" />
              </td>
              <td>
                <TokenStatus token={t} />
              </td>
              {actions && (
                <td className="table__actions">
                  {onOpen && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Operations for token ${t.name}`}
                      onClick={() => onOpen(t)}
                    >
                      Operations
                    </button>
                  )}
                  {onRevoke && t.status === 'active' && (
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke token ${t.name}`}
                      prompt={`Revoke ${t.name}? Anything using it stops working at once.`}
                      confirmLabel="Revoke token"
                      onConfirm={() => onRevoke(t)}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
