import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Token } from '../../api/types';
import { calls, errorResponse, initOf, jsonResponse, mockApi } from '../../test/mockApi';
import { revokeEntry, revokeOperation, tokenCatalog } from '../../test/operationFixtures';
import { renderApp, settle, waitForPath } from '../../test/renderApp';

const SECRET = 'gpat_live_0123456789abcdefSECRET';

const TOKEN: Token = {
  id: 'tok_1',
  name: 'ci-deploy',
  kind: 'personal',
  prefix: 'gpat_live_0123',
  scopes: ['read', 'write'],
  expires_at: '2026-12-23T10:00:00Z',
  last_used_at: null,
  created_at: '2026-11-23T10:00:00Z',
  revoked_at: null,
  status: 'active',
};

function panel() {
  return screen.getByRole('region', { name: 'API tokens' });
}

function setup() {
  let tokens: Token[] = [];
  const fetchMock = mockApi({
    'GET /api/v1/users/me/ssh-keys': { items: [] },
    'GET /api/v1/users/me/tokens': () => ({ items: tokens }),
    'POST /api/v1/users/me/tokens': () => {
      tokens = [TOKEN];
      return jsonResponse({ token: TOKEN, secret: SECRET }, 201);
    },
  });
  return fetchMock;
}

async function createToken() {
  const user = userEvent.setup();
  const form = screen.getByRole('form', { name: 'Create API token' });
  await user.type(within(form).getByLabelText('Token name'), 'ci-deploy');
  await user.click(within(form).getByRole('checkbox', { name: /write/ }));
  const days = within(form).getByLabelText('Expires in (days)');
  await user.clear(days);
  await user.type(days, '30');
  await user.click(within(form).getByRole('button', { name: 'Create token' }));
  await settle();
  return user;
}

describe('API tokens', () => {
  it('shows the created secret once, then never again after dismiss', async () => {
    const fetchMock = setup();
    await renderApp('/account/security');
    expect(within(panel()).getByText('No API tokens yet.')).toBeInTheDocument();

    const user = await createToken();
    expect(JSON.parse(String(initOf(fetchMock, 'POST /api/v1/users/me/tokens')?.body))).toEqual({
      name: 'ci-deploy',
      scopes: ['read', 'write'],
      expires_in_days: 30,
    });

    const secretPanel = screen.getByTestId('secret-panel');
    expect(within(secretPanel).getByTestId('secret-value')).toHaveTextContent(SECRET);
    expect(secretPanel).toHaveTextContent('It will not be shown again');
    // The listing carries metadata only.
    const row = within(panel()).getByTestId('token-row');
    expect(row).toHaveTextContent('ci-deploy');
    expect(row).toHaveTextContent('gpat_live_0123');
    expect(row).toHaveTextContent('read, write');
    expect(row).toHaveTextContent('never used');
    expect(row).not.toHaveTextContent(SECRET);

    await user.click(within(secretPanel).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('secret-panel')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);

    // Leaving and coming back does not bring it back either.
    await user.click(screen.getByRole('link', { name: 'Profile' }));
    await waitForPath('/account');
    await user.click(screen.getByRole('link', { name: 'Security' }));
    await waitForPath('/account/security');
    expect(within(panel()).getByTestId('token-row')).toHaveTextContent('ci-deploy');
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(calls(fetchMock).filter((c) => c === 'POST /api/v1/users/me/tokens')).toHaveLength(1);
  });

  it('copies the secret to the clipboard', async () => {
    setup();
    await renderApp('/account/security');
    const user = await createToken();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(screen.getByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('shows a field error from the server at the token name', async () => {
    mockApi({
      'GET /api/v1/users/me/ssh-keys': { items: [] },
      'GET /api/v1/users/me/tokens': { items: [] },
      'POST /api/v1/users/me/tokens': errorResponse(409, 'conflict', 'a token with this name exists', {
        field: 'name',
      }),
    });
    await renderApp('/account/security');
    await createToken();
    expect(screen.getByLabelText('Token name')).toHaveAccessibleDescription('a token with this name exists');
    expect(screen.queryByTestId('secret-panel')).not.toBeInTheDocument();
  });

  it('revokes a token through the token.revoke operation, with a typed confirmation', async () => {
    const user = userEvent.setup();
    let revoked = false;
    const fetchMock = mockApi({
      'GET /api/v1/users/me/ssh-keys': { items: [] },
      'GET /api/v1/users/me/tokens': () => ({
        items: [revoked ? { ...TOKEN, status: 'revoked', revoked_at: '2026-11-23T10:00:01Z' } : TOKEN],
      }),
      'GET /api/v1/tokens/tok_1/operations': () =>
        tokenCatalog([
          revokeEntry(
            revoked
              ? {
                  available: false,
                  preconditions: [
                    { id: 'token_active', description: 'The token is active', met: false, reason: 'the token is already revoked' },
                  ],
                }
              : {},
          ),
        ]),
      'GET /api/v1/activity': { items: [], next_cursor: null },
      'POST /api/v1/operations': () => jsonResponse(revokeOperation('queued'), 202),
      'GET /api/v1/operations/op_1': () => {
        revoked = true;
        return revokeOperation('succeeded');
      },
    });
    await renderApp('/account/security');
    // No direct revoke on the row any more: the operation is the one way.
    expect(screen.queryByRole('button', { name: 'Revoke token ci-deploy' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Operations for token ci-deploy' }));
    const drawer = await screen.findByRole('dialog', { name: 'Token ci-deploy' });
    await user.click(await within(drawer).findByRole('button', { name: 'Revoke token…' }));
    const confirm = screen.getByRole('dialog', { name: 'Revoke token ci-deploy?' });
    await user.type(within(confirm).getByLabelText('Type the token name to confirm'), 'ci-deploy');
    await user.click(within(confirm).getByRole('button', { name: 'Revoke token' }));

    const progress = await within(drawer).findByTestId('operation-progress');
    await waitFor(() => expect(progress).toHaveAttribute('data-state', 'succeeded'), { timeout: 3000 });
    expect(within(progress).getByRole('status')).toHaveTextContent('Revoke token succeeded.');
    expect(within(progress).getByRole('link', { name: 'Open operation page' })).toHaveAttribute('href', '/operations/op_1');
    expect(JSON.parse(String(initOf(fetchMock, 'POST /api/v1/operations')?.body))).toEqual({
      kind: 'token.revoke',
      target: { type: 'token', id: 'tok_1' },
      confirmation: 'ci-deploy',
    });
    expect(calls(fetchMock)).not.toContain('DELETE /api/v1/users/me/tokens/tok_1');
    // The list behind the drawer is read again and shows the token revoked.
    await waitFor(() => expect(within(panel()).getByTestId('token-row')).toHaveTextContent('revoked'));
  });
});
