import { useState, type FormEvent } from 'react';
import { addSshKey } from '../../api/me';
import type { SshKey } from '../../api/types';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';

const FIELDS = ['name', 'public_key'] as const;

export function SshKeyAddForm({ onAdded }: { onAdded: (key: SshKey) => void }) {
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => addSshKey(name.trim(), publicKey.trim()));
    if (result.ok) {
      setName('');
      setPublicKey('');
      onAdded(result.value);
    }
  }

  return (
    <form className="form form--bordered" onSubmit={onSubmit} noValidate aria-label="Add SSH key">
      <h4 className="subheading">Add an SSH key</h4>
      <TextField
        label="Key name"
        name="name"
        value={name}
        onChange={setName}
        error={action.error}
        placeholder="laptop"
        required
      />
      <TextField
        label="Public key"
        name="public_key"
        value={publicKey}
        onChange={setPublicKey}
        error={action.error}
        multiline
        rows={3}
        placeholder="ssh-ed25519 AAAA… you@host"
        hint="The one-line contents of your .pub file (ssh-ed25519, ecdsa-sha2-*, or ssh-rsa). Never paste a private key."
        required
      />
      <FormError error={action.error} fields={FIELDS} />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={action.pending || !name.trim() || !publicKey.trim()}
        >
          {action.pending ? 'Adding…' : 'Add SSH key'}
        </button>
      </div>
    </form>
  );
}
