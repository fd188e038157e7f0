import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/me';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { Panel } from '../Panel';

const FIELDS = ['current_password', 'new_password'] as const;

export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const result = await action.run(() => changePassword(current, next));
    if (result.ok) {
      setCurrent('');
      setNext('');
      setDone(true);
    }
  }

  return (
    <Panel title="Change password" id="password-title">
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
        <TextField
          label="Current password"
          name="current_password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={action.error}
          required
        />
        <TextField
          label="New password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={action.error}
          hint="Changing your password signs out every other session."
          required
        />
        <FormError error={action.error} fields={FIELDS} />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={action.pending || !current || !next}
          >
            {action.pending ? 'Changing…' : 'Change password'}
          </button>
          <span role="status" className="form__status">
            {done && 'Password changed. Your other sessions were signed out.'}
          </span>
        </div>
      </form>
    </Panel>
  );
}
