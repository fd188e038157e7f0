import { useState } from 'react';
import { listSessions, revokeSession } from '../../api/me';
import type { UserSession } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Time } from '../../components/Time';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';

export function SessionsTab() {
  const { state, reload, refreshing } = useResource(['me', 'sessions'], (signal) => listSessions(signal));
  const { signedOut } = useAuth();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  async function revoke(session: UserSession) {
    setNotice(null);
    const result = await action.run(() => revokeSession(session.id));
    if (!result.ok) return;
    if (session.current) {
      signedOut('ended');
      return;
    }
    setNotice('Session revoked.');
    reload();
  }

  async function revokeOthers(others: UserSession[]) {
    setNotice(null);
    const result = await action.run(async () => {
      for (const s of others) await revokeSession(s.id);
    });
    if (result.ok) setNotice(`Revoked ${others.length} other ${others.length === 1 ? 'session' : 'sessions'}.`);
    reload();
  }

  if (state.status === 'loading') return <LoadingState label="Loading your sessions…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const sessions = state.data.items;
  const others = sessions.filter((s) => !s.current);

  return (
    <div className="stack" aria-busy={refreshing || undefined}>
      {sessions.length === 0 ? (
        <EmptyState title="No active sessions were returned." />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="section-title">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Last seen</th>
                <th scope="col">IP</th>
                <th scope="col">User agent</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} data-testid="session-row">
                  <td>
                    <Time iso={s.created_at} />{' '}
                    {s.current && <Badge tone="info">this session</Badge>}
                  </td>
                  <td>
                    <Time iso={s.last_seen_at} />
                  </td>
                  <td>
                    <code>{s.ip || '—'}</code>
                  </td>
                  <td className="table__wrap-text">{s.user_agent || '—'}</td>
                  <td className="table__actions">
                    <ConfirmButton
                      label={s.current ? 'Sign out here' : 'Revoke'}
                      ariaLabel={s.current ? 'Revoke this session' : `Revoke session from ${s.ip}`}
                      prompt={
                        s.current
                          ? 'End this session? You will be signed out.'
                          : 'End this session? That browser will be signed out.'
                      }
                      confirmLabel={s.current ? 'Sign out' : 'Revoke session'}
                      onConfirm={() => revoke(s)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form__actions">
        {others.length > 0 ? (
          <ConfirmButton
            label="Revoke all other sessions"
            prompt={`Sign out ${others.length} other ${others.length === 1 ? 'session' : 'sessions'}?`}
            confirmLabel="Revoke others"
            onConfirm={() => revokeOthers(others)}
          />
        ) : (
          <p className="muted">You have no other sessions.</p>
        )}
      </div>
      <FormError error={action.error} />
      <p role="status" className="form__status">
        {notice}
      </p>
    </div>
  );
}
