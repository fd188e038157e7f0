import { useState } from 'react';
import { listTokens } from '../../api/me';
import type { CreatedToken, Token } from '../../api/types';
import { SecretPanel } from '../../components/SecretPanel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { TargetOperationsDrawer } from '../../components/operations/TargetOperationsDrawer';
import { TokensTable } from '../../components/TokensTable';
import { TokenStatus } from '../../components/TokenStatus';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { TokenCreateForm } from './TokenCreateForm';

export function ApiTokensSection() {
  const { state, reload, refreshing } = useResource(['me', 'tokens'], (signal) => listTokens(signal));
  // The only copy of a new secret in the console; dropped on dismiss.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  // The token whose operations (revoke) and activity are open in the drawer.
  const [openId, setOpenId] = useState<string | null>(null);
  const tokens = state.status === 'ok' ? state.data.items : [];
  const open: Token | undefined = tokens.find((t) => t.id === openId);

  return (
    <Panel title="API tokens" id="api-tokens-title" busy={refreshing}>
      {created && (
        <SecretPanel
          title={`Token ${created.token.name} created`}
          secret={created.secret}
          onDismiss={() => setCreated(null)}
        />
      )}
      {state.status === 'loading' && <LoadingState label="Loading API tokens…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (tokens.length === 0 ? (
          <EmptyState title="No API tokens yet.">
            Create one below to use the CLI or call the API from scripts.
          </EmptyState>
        ) : (
          <>
            <TokensTable tokens={tokens} labelledBy="api-tokens-title" onOpen={(t) => setOpenId(t.id)} />
            <p className="muted small">
              Revoke a token from its <strong>Operations</strong>: the revoke runs as an operation you can follow,
              and shows up in the token&apos;s activity.
            </p>
          </>
        ))}
      {open && (
        <TargetOperationsDrawer
          title={`Token ${open.name}`}
          target={{ type: 'token', id: open.id }}
          onClose={() => setOpenId(null)}
          onFinished={reload}
        >
          <p className="small">
            <code>{open.prefix}</code> · <TokenStatus token={open} />
          </p>
        </TargetOperationsDrawer>
      )}
      <TokenCreateForm
        onCreated={(result) => {
          setCreated(result);
          reload();
        }}
      />
    </Panel>
  );
}
