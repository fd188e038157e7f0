import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/Field';
import type { ActionResult } from '../../hooks/useAction';
import { parseExpiryDays } from '../../parse';

interface SaTokenFormProps {
  accountName: string;
  onCreate: (name: string, days: number | null) => Promise<ActionResult<unknown>>;
}

/** Errors of the create call are shown by the panel; only local validation here. */
export function SaTokenForm({ accountName, onCreate }: SaTokenFormProps) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [pending, setPending] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const expiry = parseExpiryDays(days);
    if (expiry === undefined) {
      setInvalid('Enter a whole number of days (1 or more), or leave it empty.');
      return;
    }
    setInvalid(null);
    setPending(true);
    const result = await onCreate(name.trim(), expiry);
    setPending(false);
    if (result.ok) setName('');
  }

  return (
    <form className="form form--row" onSubmit={onSubmit} noValidate aria-label={`Create token for ${accountName}`}>
      <TextField label="Token name" name="name" value={name} onChange={setName} required />
      <TextField
        label="Expires in (days)"
        name="expires_in_days"
        type="number"
        min={1}
        value={days}
        onChange={setDays}
        message={invalid}
        hint="1 to 366 days; empty = 90 days."
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending || !name.trim()}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
