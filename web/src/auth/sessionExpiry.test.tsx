import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calls, errorResponse, mockApi, testSession } from '../test/mockApi';
import { renderApp, waitForPath } from '../test/renderApp';

const SESSION = {
  id: 'ses_2',
  created_at: '2026-11-20T08:00:00Z',
  last_seen_at: '2026-11-23T08:00:00Z',
  expires_at: '2026-12-20T08:00:00Z',
  ip: '203.0.113.7',
  user_agent: 'Firefox on Linux',
  current: true,
};

describe('session expiry', () => {
  it('sends the user to /login?next=<the page> when a call answers 401, and back there after signing in', async () => {
    const user = userEvent.setup();
    let expired = true;
    const fetchMock = mockApi({
      'GET /api/v1/users/me': { user: testSession().user, tenants: [], projects: [] },
      'GET /api/v1/tenants': { items: [] },
      'GET /api/v1/projects': { items: [] },
      'GET /api/v1/users/me/sessions': () =>
        expired ? errorResponse(401, 'unauthenticated', 'session expired') : { items: [SESSION] },
      'POST /api/v1/auth/login': () => {
        expired = false;
        return testSession();
      },
    });
    await renderApp('/account/sessions?sort=recent');
    await waitForPath('/login', `?next=${encodeURIComponent('/account/sessions?sort=recent')}`);

    await user.type(screen.getByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitForPath('/account/sessions', '?sort=recent');
    // Read again after signing in: the 401 of the old session was not kept in the cache.
    expect(await screen.findByText(/Firefox on Linux/)).toBeInTheDocument();
    expect(calls(fetchMock).filter((c) => c === 'GET /api/v1/users/me/sessions')).toHaveLength(2);
  });

  it('the session probe and sign-in answering 401 do not count as the session ending', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/v1/auth/session': errorResponse(401, 'unauthenticated', 'sign in first'),
      'POST /api/v1/auth/login': errorResponse(401, 'unauthenticated', 'email or password is incorrect'),
    });
    await renderApp('/account');
    await waitForPath('/login', '?next=%2Faccount');
    await user.type(screen.getByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // Still on the same login URL, the next= kept, with the error shown.
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await waitForPath('/login', '?next=%2Faccount');
  });
});
