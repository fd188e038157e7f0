import { useState } from 'react';
import { deleteSshKey, listSshKeys } from '../../api/me';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Time } from '../../components/Time';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import { Panel } from '../Panel';
import { SshKeyAddForm } from './SshKeyAddForm';

export function SshKeysSection() {
  const { state, reload, setData, refreshing } = useResource(['me', 'ssh-keys'], (signal) => listSshKeys(signal));
  const remove = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  async function onDelete(id: string, name: string) {
    setNotice(null);
    const result = await remove.run(() => deleteSshKey(id));
    if (result.ok) {
      setData((d) => ({ items: d.items.filter((k) => k.id !== id) }));
      setNotice(`SSH key ${name} deleted.`);
    }
  }

  return (
    <Panel title="SSH keys" id="ssh-keys-title" busy={refreshing}>
      {state.status === 'loading' && <LoadingState label="Loading SSH keys…" />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <EmptyState title="No SSH keys yet.">
            Add a public key below; it is installed on the compute workloads you launch.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="ssh-keys-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Bits</th>
                  <th scope="col">Fingerprint</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((key) => (
                  <tr key={key.id} data-testid="ssh-key-row">
                    <td>
                      {key.name}
                      {key.comment && <div className="muted small">{key.comment}</div>}
                    </td>
                    <td>{key.key_type}</td>
                    <td>{key.bits}</td>
                    <td>
                      <code data-testid="ssh-key-fingerprint">{key.fingerprint}</code>
                    </td>
                    <td>
                      <Time iso={key.created_at} />
                    </td>
                    <td className="table__actions">
                      <ConfirmButton
                        label="Delete"
                        ariaLabel={`Delete SSH key ${key.name}`}
                        prompt={`Delete ${key.name}? New workloads will no longer get this key.`}
                        confirmLabel="Delete key"
                        onConfirm={() => onDelete(key.id, key.name)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <FormError error={remove.error} />
      <p role="status" className="form__status">
        {notice}
      </p>
      <SshKeyAddForm
        onAdded={(key) => {
          setNotice(`SSH key ${key.name} added.`);
          reload();
        }}
      />
    </Panel>
  );
}
