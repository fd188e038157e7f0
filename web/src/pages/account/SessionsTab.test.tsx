import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UserSession } from '../../api/types';
import { calls, mockApi } from '../../test/mockApi';
import { renderApp, settle, waitForPath } from '../../test/renderApp';

const CURRENT: UserSession = {
  id: 'ses_1',
  created_at: '2026-11-20T08:00:00Z',
  last_seen_at: '2026-11-23T10:00:00Z',
  expires_at: '2026-12-20T08:00:00Z',
  ip: '198.51.100.1',
  user_agent: 'Chromium',
  current: true,
};
const OTHER: UserSession = { ...CURRENT, id: 'ses_2', ip: '198.51.100.2', user_agent: 'curl', current: false };
const NO_CONTENT = () => new Response(null, { status: 204 });

describe('sessions', () => {
  it('marks this session and revokes the others', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/users/me/sessions': { items: [CURRENT, OTHER] },
      'DELETE /api/v1/users/me/sessions/ses_2': NO_CONTENT,
    });
    await renderApp('/account/sessions');
    const rows = screen.getAllByTestId('session-row');
    expect(rows[0]).toHaveTextContent('this session');
    expect(rows[1]).not.toHaveTextContent('this session');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Revoke all other sessions' }));
    await user.click(screen.getByRole('button', { name: 'Revoke others' }));
    await settle();
    expect(calls(fetchMock)).toContain('DELETE /api/v1/users/me/sessions/ses_2');
    expect(calls(fetchMock)).not.toContain('DELETE /api/v1/users/me/sessions/ses_1');
  });

  it('signs out when the current session is revoked', async () => {
    mockApi({
      'GET /api/v1/users/me/sessions': { items: [CURRENT] },
      'DELETE /api/v1/users/me/sessions/ses_1': NO_CONTENT,
    });
    await renderApp('/account/sessions');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Revoke this session' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitForPath('/login', '');
  });
});
