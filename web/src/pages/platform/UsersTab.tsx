import { useState } from 'react';
import type { User } from '../../api/types';
import { listUsers } from '../../api/users';
import { Badge } from '../../components/Badge';
import { TargetOperationsDrawer } from '../../components/operations/TargetOperationsDrawer';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Time } from '../../components/Time';
import { useResource } from '../../hooks/useResource';

function UserStatus({ user }: { user: User }) {
  return (
    <>
      <Badge tone={user.status === 'active' ? 'success' : 'neutral'}>{user.status}</Badge>
      {user.locked_until && (
        <>
          {' '}
          <Badge tone="warning">sign-in locked</Badge>
        </>
      )}
    </>
  );
}

/** /platform/users: every user, each with a drawer of its operations (disable, enable, unlock) and activity. */
export function UsersTab() {
  const { state, reload, refreshing } = useResource(['users'], (signal) => listUsers(signal));
  const [openId, setOpenId] = useState<string | null>(null);

  if (state.status === 'loading') return <LoadingState label="Loading users…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const users = state.data.items;
  const open = users.find((u) => u.id === openId);

  return (
    <div className="stack" aria-busy={refreshing || undefined}>
      {users.length === 0 ? (
        <EmptyState title="No users yet." />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="section-title">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <td>{u.email}</td>
                  <td>{u.display_name || '—'}</td>
                  <td>
                    <UserStatus user={u} />
                  </td>
                  <td>{u.platform_admin ? <Badge tone="info">platform admin</Badge> : 'user'}</td>
                  <td>
                    <Time iso={u.created_at} />
                  </td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Operations for user ${u.email}`}
                      onClick={() => setOpenId(u.id)}
                    >
                      Operations
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <TargetOperationsDrawer
          title={`User ${open.email}`}
          target={{ type: 'user', id: open.id }}
          onClose={() => setOpenId(null)}
          onFinished={reload}
        >
          <dl className="kv">
            <div className="kv__row">
              <dt>Name</dt>
              <dd>{open.display_name || '—'}</dd>
            </div>
            <div className="kv__row">
              <dt>Status</dt>
              <dd>
                <UserStatus user={open} />
              </dd>
            </div>
            <div className="kv__row">
              <dt>User id</dt>
              <dd>
                <code>{open.id}</code>
              </dd>
            </div>
          </dl>
        </TargetOperationsDrawer>
      )}
    </div>
  );
}
