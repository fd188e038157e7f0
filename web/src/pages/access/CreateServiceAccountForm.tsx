import { useState, type FormEvent } from 'react';
import { createServiceAccount } from '../../api/access';
import type { ProjectRole, ServiceAccount } from '../../api/types';
import { FormError } from '../../components/FormError';
import { SelectField, TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';

const FIELDS = ['name', 'role'] as const;
const ROLES: ReadonlyArray<{ value: ProjectRole; label: string }> = [
  { value: 'viewer', label: 'viewer (read only)' },
  { value: 'member', label: 'member' },
  { value: 'admin', label: 'admin' },
];

export function CreateServiceAccountForm({
  projectId,
  onCreated,
}: {
  projectId: string;
  onCreated: (sa: ServiceAccount) => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => createServiceAccount(projectId, name.trim(), role));
    if (result.ok) {
      setName('');
      onCreated(result.value);
    }
  }

  return (
    <form className="form form--bordered form--row" onSubmit={onSubmit} noValidate aria-label="Create service account">
      <h4 className="subheading">Create a service account</h4>
      <TextField label="Name" name="name" value={name} onChange={setName} error={action.error} required />
      <SelectField label="Role" name="role" value={role} onChange={setRole} options={ROLES} error={action.error} />
      <FormError error={action.error} fields={FIELDS} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={action.pending || !name.trim()}>
          {action.pending ? 'Creating…' : 'Create service account'}
        </button>
      </div>
    </form>
  );
}
