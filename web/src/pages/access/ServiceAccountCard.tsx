import type { ServiceAccount, Token } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Time } from '../../components/Time';
import type { ActionResult } from '../../hooks/useAction';
import { TokensTable } from '../../components/TokensTable';
import { SaTokenForm } from './SaTokenForm';

interface ServiceAccountCardProps {
  account: ServiceAccount;
  canManage: boolean;
  onDelete: () => Promise<unknown>;
  onRevoke: (token: Token) => Promise<unknown>;
  onCreateToken: (name: string, days: number | null) => Promise<ActionResult<unknown>>;
}

export function ServiceAccountCard({ account, canManage, onDelete, onRevoke, onCreateToken }: ServiceAccountCardProps) {
  const titleId = `sa-${account.id}-title`;
  return (
    <li className="card" data-testid="service-account">
      <div className="card__header">
        <h4 id={titleId} className="card__title">
          {account.name} <Badge tone="info">{account.role}</Badge>
        </h4>
        <span className="muted small">
          created <Time iso={account.created_at} />
        </span>
        {canManage && (
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete service account ${account.name}`}
            prompt={`Delete ${account.name} and revoke all its tokens?`}
            confirmLabel="Delete service account"
            onConfirm={onDelete}
          />
        )}
      </div>
      {account.tokens.length === 0 ? (
        <p className="muted">No tokens. It cannot authenticate until you create one.</p>
      ) : (
        <TokensTable
          tokens={account.tokens}
          labelledBy={titleId}
          onRevoke={canManage ? onRevoke : undefined}
        />
      )}
      {canManage && <SaTokenForm accountName={account.name} onCreate={onCreateToken} />}
    </li>
  );
}
