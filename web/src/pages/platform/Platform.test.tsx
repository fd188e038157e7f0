import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { calls, mockApi, testSession, TEST_USER } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

const BOB: User = { ...TEST_USER, id: 'usr_bob', email: 'bob@example.com', display_name: 'Bob', platform_admin: false };

describe('platform', () => {
  it('lists users for a platform admin and opens one user\'s operations and activity', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/v1/auth/session': testSession({ platform_admin: true }),
      'GET /api/v1/users': { items: [{ ...TEST_USER, platform_admin: true }, BOB] },
      'GET /api/v1/users/usr_bob/operations': {
        target: { type: 'user', id: 'usr_bob', name: 'bob@example.com', link: '/platform' },
        operations: [],
      },
      'GET /api/v1/activity': { items: [], next_cursor: null },
    });
    await renderApp('/platform/users');
    const rows = screen.getAllByTestId('user-row');
    expect(rows).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Operations for user bob@example.com' }));
    const drawer = await screen.findByRole('dialog', { name: 'User bob@example.com' });
    expect(await within(drawer).findByText('No operations exist for this user.')).toBeInTheDocument();
    expect(await within(drawer).findByText('No activity recorded yet.')).toBeInTheDocument();
    expect(calls(fetchMock)).toContain('GET /api/v1/activity?resource=user%3Ausr_bob&limit=20');
  });

  it('shows platform users to platform admins only', async () => {
    const fetchMock = mockApi({});
    await renderApp('/platform/users');
    expect(screen.getByText('Platform users are for platform admins.')).toBeInTheDocument();
    expect(calls(fetchMock)).not.toContain('GET /api/v1/users');
  });

  it('offers the runner self-test to platform admins on the overview', async () => {
    mockApi({
      'GET /api/v1/auth/session': testSession({ platform_admin: true }),
      'GET /api/v1/platform/operations': {
        target: { type: 'platform', id: 'platform', name: 'platform', link: '/platform' },
        operations: [],
      },
      'GET /api/v1/activity': { items: [], next_cursor: null },
    });
    await renderApp('/platform');
    expect(screen.getByRole('region', { name: 'Platform operations' })).toBeInTheDocument();
    expect(screen.getByText('No operations exist for this platform.')).toBeInTheDocument();
  });
});
