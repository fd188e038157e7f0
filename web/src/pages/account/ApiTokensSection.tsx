import { useState } from 'react';
import { listTokens, revokeToken } from '../../api/me';
import type { CreatedToken } from '../../api/types';
import { FormError } from '../../components/FormError';
import { SecretPanel } from '../../components/SecretPanel';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { TokenCreateForm } from './TokenCreateForm';
import { TokensTable } from '../../components/TokensTable';

export function ApiTokensSection() {
  const { state, reload, refreshing } = useResource((signal) => listTokens(signal), []);
  // The only copy of a new secret in the console; dropped on dismiss.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const revoke = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  async function onRevoke(id: string, name: string) {
    setNotice(null);
    const result = await revoke.run(() => revokeToken(id));
    if (result.ok) {
      setNotice(`Token ${name} revoked.`);
      reload();
    }
  }

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
        (state.data.items.length === 0 ? (
          <EmptyState title="No API tokens yet.">
            Create one below to use the CLI or call the API from scripts.
          </EmptyState>
        ) : (
          <TokensTable
            tokens={state.data.items}
            labelledBy="api-tokens-title"
            onRevoke={(t) => onRevoke(t.id, t.name)}
          />
        ))}
      <FormError error={revoke.error} />
      <p role="status" className="form__status">
        {notice}
      </p>
      <TokenCreateForm
        onCreated={(result) => {
          setNotice(null);
          setCreated(result);
          reload();
        }}
      />
    </Panel>
  );
}
