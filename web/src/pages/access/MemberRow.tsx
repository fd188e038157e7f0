import { useState } from 'react';
import type { Member, MemberRole } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Time } from '../../components/Time';

interface MemberRowProps {
  member: Member;
  roles: readonly MemberRole[];
  canManage: boolean;
  reason: string;
  isSelf: boolean;
  busy: boolean;
  onRole: (member: Member, role: MemberRole) => Promise<boolean>;
  onRemove: (member: Member) => Promise<unknown>;
}

export function MemberRow(props: MemberRowProps) {
  const { member, roles, canManage, reason, isSelf, busy } = props;
  const [role, setRole] = useState<MemberRole>(member.role);
  const label = member.display_name || member.email;

  return (
    <tr data-testid="member-row">
      <td>
        {label} {isSelf && <Badge tone="neutral">you</Badge>}
      </td>
      <td>{member.email}</td>
      <td>
        {canManage ? (
          <span className="inline-form">
            <select
              aria-label={`Role of ${member.email}`}
              className="field__input field__input--inline"
              value={role}
              onChange={(e) => setRole(e.target.value as MemberRole)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {role !== member.role && (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={async () => {
                  if (!(await props.onRole(member, role))) setRole(member.role);
                }}
              >
                Save role
              </button>
            )}
          </span>
        ) : (
          <Badge tone="info">{member.role}</Badge>
        )}
      </td>
      <td>
        <Time iso={member.created_at} />
      </td>
      <td className="table__actions">
        <ConfirmButton
          label="Remove"
          ariaLabel={`Remove ${member.email}`}
          prompt={isSelf ? 'Remove yourself? You lose access.' : `Remove ${member.email}?`}
          confirmLabel="Remove member"
          disabled={!canManage || busy}
          disabledReason={canManage ? undefined : reason}
          onConfirm={() => props.onRemove(member)}
        />
      </td>
    </tr>
  );
}
