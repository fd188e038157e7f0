import { useState, type FormEvent } from 'react';
import { addMember, type MemberScope } from '../../api/access';
import type { Member, MemberRole } from '../../api/types';
import { FormError } from '../../components/FormError';
import { SelectField, TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';

const FIELDS = ['email', 'role'] as const;

interface AddMemberFormProps {
  scope: MemberScope;
  roles: readonly MemberRole[];
  onAdded: (member: Member) => void;
}

export function AddMemberForm({ scope, roles, onAdded }: AddMemberFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>(roles[roles.length - 1] ?? 'member');
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => addMember(scope, email.trim(), role));
    if (result.ok) {
      setEmail('');
      onAdded(result.value);
    }
  }

  return (
    <form className="form form--bordered form--row" onSubmit={onSubmit} noValidate aria-label="Add member">
      <h4 className="subheading">Add a member</h4>
      <TextField
        label="Email"
        name="email"
        type="email"
        value={email}
        onChange={setEmail}
        error={action.error}
        hint="The person must already have an account."
        required
      />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={setRole}
        options={roles.map((r) => ({ value: r, label: r }))}
        error={action.error}
      />
      <FormError error={action.error} fields={FIELDS} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={action.pending || !email.trim()}>
          {action.pending ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
