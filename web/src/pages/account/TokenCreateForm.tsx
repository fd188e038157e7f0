import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { createToken } from '../../api/me';
import type { CreatedToken, TokenScope } from '../../api/types';
import { FormError } from '../../components/FormError';
import { TextField, fieldError } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { parseExpiryDays } from '../../parse';

const FIELDS = ['name', 'scopes', 'expires_in_days'] as const;
const SCOPES: ReadonlyArray<{ value: TokenScope; label: string; hint: string }> = [
  { value: 'read', label: 'read', hint: 'list and inspect resources' },
  { value: 'write', label: 'write', hint: 'create, change and delete resources' },
];

export function TokenCreateForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('30');
  const action = useAction();

  function toggle(scope: TokenScope, on: boolean) {
    setScopes((s) => (on ? [...s.filter((x) => x !== scope), scope] : s.filter((x) => x !== scope)));
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const expiry = parseExpiryDays(days);
    if (expiry === undefined) {
      action.setError(
        new ApiError({
          code: 'invalid_argument',
          message: 'Enter a whole number of days (1 or more), or leave it empty.',
          status: 400,
          field: 'expires_in_days',
        }),
      );
      return;
    }
    const ordered = SCOPES.map((s) => s.value).filter((s) => scopes.includes(s));
    const result = await action.run(() => createToken(name.trim(), ordered, expiry));
    if (result.ok) {
      setName('');
      onCreated(result.value);
    }
  }

  const scopesError = fieldError(action.error, 'scopes');
  return (
    <form className="form form--bordered" onSubmit={onSubmit} noValidate aria-label="Create API token">
      <h4 className="subheading">Create an API token</h4>
      <TextField
        label="Token name"
        name="name"
        value={name}
        onChange={setName}
        error={action.error}
        placeholder="ci-deploy"
        required
      />
      <fieldset
        className={`field fieldset${scopesError ? ' field--invalid' : ''}`}
        aria-describedby={scopesError ? 'token-scopes-error' : undefined}
      >
        <legend className="field__label">Scopes</legend>
        {SCOPES.map((s) => (
          <label key={s.value} className="checkbox">
            <input
              type="checkbox"
              name="scopes"
              value={s.value}
              checked={scopes.includes(s.value)}
              onChange={(e) => toggle(s.value, e.target.checked)}
            />{' '}
            {s.label} <span className="muted">({s.hint})</span>
          </label>
        ))}
        {scopesError && (
          <p id="token-scopes-error" className="field__error" role="alert">
            {scopesError}
          </p>
        )}
      </fieldset>
      <TextField
        label="Expires in (days)"
        name="expires_in_days"
        type="number"
        min={1}
        value={days}
        onChange={setDays}
        error={action.error}
        hint="1 to 366 days; leave empty for the default of 90 days."
      />
      <FormError error={action.error} fields={FIELDS} />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={action.pending || !name.trim() || scopes.length === 0}
        >
          {action.pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
