import { useState, type FormEvent } from 'react';
import { updateDisplayName } from '../../api/me';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { Panel } from '../Panel';

export function DisplayNameForm({ user }: { user: User }) {
  const { updateUser } = useAuth();
  const [name, setName] = useState(user.display_name);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const result = await action.run(() => updateDisplayName(name.trim()));
    if (result.ok) {
      updateUser(result.value);
      setName(result.value.display_name);
      setSaved('Display name saved.');
    }
  }

  return (
    <Panel title="Profile" id="profile-title">
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Profile">
        <TextField
          label="Display name"
          name="display_name"
          value={name}
          onChange={(v) => {
            setName(v);
            setSaved(null);
          }}
          error={action.error}
          autoComplete="name"
          required
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={user.email}
          onChange={() => undefined}
          readOnly
          hint="Your sign-in email. Ask a platform administrator to change it."
        />
        <FormError error={action.error} fields={['display_name']} />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={action.pending || !name.trim() || name.trim() === user.display_name}
          >
            {action.pending ? 'Saving…' : 'Save display name'}
          </button>
          <span role="status" className="form__status">
            {saved}
          </span>
        </div>
      </form>
    </Panel>
  );
}
