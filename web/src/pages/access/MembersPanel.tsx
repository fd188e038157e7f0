import { useState } from 'react';
import { changeMemberRole, listMembers, removeMember, type MemberScope } from '../../api/access';
import type { Member, MemberRole } from '../../api/types';
import { FormError } from '../../components/FormError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';

export interface MembersPanelProps {
  scope: MemberScope;
  title: string;
  roles: readonly MemberRole[];
  canManage: boolean;
  /** Why the caller cannot manage (shown when canManage is false). */
  reason: string;
  selfId: string;
}

export function MembersPanel({ scope, title, roles, canManage, reason, selfId }: MembersPanelProps) {
  const { state, reload, refreshing } = useResource(['members', scope.kind, scope.id], (signal) => listMembers(scope, signal));
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  async function mutate(fn: () => Promise<unknown>, done: string) {
    setNotice(null);
    const result = await action.run(fn);
    if (result.ok) setNotice(done);
    reload();
    return result.ok;
  }

  const onRole = (m: Member, role: MemberRole) =>
    mutate(() => changeMemberRole(scope, m.user_id, role), `${m.email} is now ${role}.`);
  const onRemove = (m: Member) =>
    mutate(() => removeMember(scope, m.user_id), `${m.email} removed.`);

  return (
    <Panel title={title} id="members-title" busy={refreshing}>
      {!canManage && (
        <p className="notice" data-testid="members-readonly">
          You can see the members. {reason}
        </p>
      )}
      {state.status === 'loading' && <LoadingState label="Loading members…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <EmptyState title="No members." />
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="members-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((m) => (
                  <MemberRow
                    key={m.user_id}
                    member={m}
                    roles={roles}
                    canManage={canManage}
                    reason={reason}
                    isSelf={m.user_id === selfId}
                    busy={action.pending}
                    onRole={onRole}
                    onRemove={onRemove}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <FormError error={action.error} />
      <p role="status" className="form__status">
        {notice}
      </p>
      {canManage && (
        <AddMemberForm
          scope={scope}
          roles={roles}
          onAdded={(m) => {
            setNotice(`${m.email} added as ${m.role}.`);
            reload();
          }}
        />
      )}
    </Panel>
  );
}
