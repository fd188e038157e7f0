import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SshKey } from '../../api/types';
import { calls, errorResponse, initOf, jsonResponse, mockApi } from '../../test/mockApi';
import { renderApp, settle } from '../../test/renderApp';

const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPhHlHKhizFKvkw3T5zf6yCRk/ggRIsnhw1jktjsF+A1 e2e@gpuaas';

const KEY: SshKey = {
  id: 'key_1',
  name: 'laptop',
  key_type: 'ssh-ed25519',
  bits: 256,
  fingerprint: 'SHA256:YJMXj8u87RuiKk+HmHs8w4P2pZeJLJ+m0QqZ5h/R7KE',
  comment: 'e2e@gpuaas',
  created_at: '2026-11-23T10:15:00Z',
};

function panel() {
  return screen.getByRole('region', { name: 'SSH keys' });
}

async function fillAndSubmit(name: string, key: string) {
  const user = userEvent.setup();
  const form = screen.getByRole('form', { name: 'Add SSH key' });
  await user.type(within(form).getByLabelText('Key name'), name);
  await user.type(within(form).getByLabelText('Public key'), key);
  await user.click(within(form).getByRole('button', { name: 'Add SSH key' }));
  await settle();
  return form;
}

describe('SSH keys', () => {
  it('says explicitly when there are none', async () => {
    mockApi({ 'GET /api/v1/users/me/ssh-keys': { items: [] }, 'GET /api/v1/users/me/tokens': { items: [] } });
    await renderApp('/account/security');
    expect(within(panel()).getByText('No SSH keys yet.')).toBeInTheDocument();
    expect(within(panel()).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the server field error next to the public key and keeps the input', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/users/me/ssh-keys': { items: [] },
      'GET /api/v1/users/me/tokens': { items: [] },
      'POST /api/v1/users/me/ssh-keys': errorResponse(
        400,
        'invalid_argument',
        'public key is not a valid OpenSSH public key',
        { field: 'public_key' },
      ),
    });
    await renderApp('/account/security');
    const form = await fillAndSubmit('laptop', 'ssh-ed25519 not-base64');

    const textarea = within(form).getByLabelText('Public key');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAccessibleDescription(
      expect.stringContaining('public key is not a valid OpenSSH public key'),
    );
    expect(textarea).toHaveValue('ssh-ed25519 not-base64');
    expect(within(form).getByLabelText('Key name')).not.toHaveAttribute('aria-invalid');
    // Shown once, at the field, not again as a form-level error.
    expect(within(form).getAllByText('public key is not a valid OpenSSH public key')).toHaveLength(1);
    expect(within(form).queryByTestId('form-error')).not.toBeInTheDocument();

    const init = initOf(fetchMock, 'POST /api/v1/users/me/ssh-keys');
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'laptop', public_key: 'ssh-ed25519 not-base64' });
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-test-token');
    expect(new Headers(init?.headers).get('Idempotency-Key')).toBeTruthy();
  });

  it('adds a key and lists it with its fingerprint', async () => {
    let keys: SshKey[] = [];
    mockApi({
      'GET /api/v1/users/me/ssh-keys': () => ({ items: keys }),
      'GET /api/v1/users/me/tokens': { items: [] },
      'POST /api/v1/users/me/ssh-keys': () => {
        keys = [KEY];
        return jsonResponse(KEY, 201);
      },
    });
    await renderApp('/account/security');
    const form = await fillAndSubmit('laptop', PUBLIC_KEY);

    const row = within(panel()).getByTestId('ssh-key-row');
    expect(row).toHaveTextContent('laptop');
    expect(row).toHaveTextContent('ssh-ed25519');
    expect(row).toHaveTextContent('256');
    expect(within(row).getByTestId('ssh-key-fingerprint')).toHaveTextContent(KEY.fingerprint);
    expect(row).toHaveTextContent('2026-11-23 10:15 UTC');
    expect(within(panel()).getByRole('status')).toHaveTextContent('SSH key laptop added.');
    expect(within(form).getByLabelText('Public key')).toHaveValue('');
  });

  it('deletes a key only after confirmation', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/v1/users/me/ssh-keys': { items: [KEY] },
      'GET /api/v1/users/me/tokens': { items: [] },
      'DELETE /api/v1/users/me/ssh-keys/key_1': () => new Response(null, { status: 204 }),
    });
    await renderApp('/account/security');
    await user.click(screen.getByRole('button', { name: 'Delete SSH key laptop' }));
    expect(calls(fetchMock)).not.toContain('DELETE /api/v1/users/me/ssh-keys/key_1');
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    await settle();
    expect(calls(fetchMock)).toContain('DELETE /api/v1/users/me/ssh-keys/key_1');
    expect(within(panel()).queryByTestId('ssh-key-row')).not.toBeInTheDocument();
  });
});
