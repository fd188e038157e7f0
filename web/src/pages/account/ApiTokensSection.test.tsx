import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Token } from '../../api/types';
import { calls, errorResponse, initOf, jsonResponse, mockApi } from '../../test/mockApi';
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

  it('revokes a token after confirmation', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/v1/users/me/ssh-keys': { items: [] },
      'GET /api/v1/users/me/tokens': { items: [TOKEN] },
      'DELETE /api/v1/users/me/tokens/tok_1': () => new Response(null, { status: 204 }),
    });
    await renderApp('/account/security');
    await user.click(screen.getByRole('button', { name: 'Revoke token ci-deploy' }));
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    await settle();
    expect(calls(fetchMock)).toContain('DELETE /api/v1/users/me/tokens/tok_1');
    expect(within(panel()).getByRole('status')).toHaveTextContent('Token ci-deploy revoked.');
  });
});
