import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { calls, errorResponse, initOf, mockApi, testSession } from './test/mockApi';
import { currentPath, renderApp, settle, waitForPath } from './test/renderApp';

// Spelled out here on purpose (not imported from routes.ts) so that a change
// to the route table's order, labels or paths makes these tests fail.
const EXPECTED_GROUPS = [
  ['Workloads', '/workloads'],
  ['Compute', '/compute'],
  ['Apps', '/apps'],
  ['Storage', '/storage'],
  ['Access', '/access'],
  ['Account', '/account'],
  ['Platform', '/platform'],
] as const;

// Pages with live data need something to load; everything else is pending.
const EMPTY_ACCESS = {
  'GET /api/v1/users/me': { user: testSession().user, tenants: [], projects: [] },
  'GET /api/v1/tenants': { items: [] },
  'GET /api/v1/projects': { items: [] },
};

beforeEach(() => {
  mockApi(EMPTY_ACCESS);
});

function rail() {
  return screen.getByRole('navigation', { name: 'Product groups' });
}

function signInAsAdmin() {
  mockApi({
    ...EMPTY_ACCESS,
    'GET /api/v1/auth/session': testSession({ platform_admin: true }),
    'GET /api/v1/users/me': { user: testSession({ platform_admin: true }).user, tenants: [], projects: [] },
  });
}

describe('left rail', () => {
  it('shows a platform admin the seven product groups in order with correct hrefs', async () => {
    signInAsAdmin();
    await renderApp('/workloads');
    const links = within(rail()).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(EXPECTED_GROUPS.map(([label]) => label));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      EXPECTED_GROUPS.map(([, path]) => path),
    );
  });

  it('shows other users the six product groups, without Platform', async () => {
    await renderApp('/workloads');
    const links = within(rail()).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(
      EXPECTED_GROUPS.filter(([label]) => label !== 'Platform').map(([label]) => label),
    );
  });

  it('lands a platform admin on the Platform overview', async () => {
    signInAsAdmin();
    await renderApp('/');
    await waitFor(() => expect(currentPath()).toBe('/platform'));
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Platform');
  });

  it('lands other users on /workloads', async () => {
    await renderApp('/');
    await waitFor(() => expect(currentPath()).toBe('/workloads'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Workloads');
    expect(within(rail()).getByRole('link', { name: 'Workloads' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('highlights Storage and shows its heading at /storage', async () => {
    await renderApp('/storage');
    const storage = within(rail()).getByRole('link', { name: 'Storage' });
    expect(storage).toHaveAttribute('aria-current', 'page');
    for (const [label] of EXPECTED_GROUPS.filter(([l]) => l !== 'Storage' && l !== 'Platform')) {
      expect(within(rail()).getByRole('link', { name: label })).not.toHaveAttribute(
        'aria-current',
      );
    }
    expect(screen.getByRole('heading', { level: 1, name: 'Storage' })).toBeInTheDocument();
    expect(screen.getByText(/shared buckets that workloads and apps/i)).toBeInTheDocument();
  });

  it('moves the highlight and the page when a rail entry is clicked', async () => {
    const user = userEvent.setup();
    await renderApp('/workloads');
    await user.click(within(rail()).getByRole('link', { name: 'Compute' }));
    expect(currentPath()).toBe('/compute');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Compute');
    expect(within(rail()).getByRole('link', { name: 'Compute' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(rail()).getByRole('link', { name: 'Workloads' })).not.toHaveAttribute(
      'aria-current',
    );
  });
});

const PENDING_GROUPS = EXPECTED_GROUPS.filter(([l]) => !['Access', 'Account', 'Platform'].includes(l));

describe('group pages', () => {
  it.each(PENDING_GROUPS)(
    '%s shows its heading and an honest pending state',
    async (label, path) => {
      await renderApp(path);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(label);
      expect(screen.getByText('Pending')).toBeInTheDocument();
      expect(
        screen.getByRole('heading', { name: `${label} is not available in this build yet` }),
      ).toBeInTheDocument();
      // No fake data: pages must not render tables of sample rows.
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    },
  );

  it.each([
    ['Access', '/access', ['Memberships', 'Service accounts', 'Credentials', 'Quotas', 'Entitlements']],
    ['Account', '/account', ['Profile', 'Security', 'Sessions', 'Balance & billing']],
    ['Platform', '/platform', ['Overview', 'Lifecycle', 'Setup', 'Users', 'Evidence']],
  ] as const)('%s has its section tabs, the first one current', async (label, path, tabs) => {
    await renderApp(path);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(label);
    const nav = screen.getByRole('navigation', { name: `${label} sections` });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([...tabs]);
    expect(links[0]).toHaveAttribute('aria-current', 'page');
    expect(links[0]).toHaveAttribute('href', path);
  });

  it('Platform overview tells non-admins it is for platform admins and shows them no fleet', async () => {
    await renderApp('/platform');
    expect(screen.getByText('The platform overview is for platform admins.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Lifecycle: nodes/ })).not.toBeInTheDocument();
  });

  it('Platform evidence explains that it is for platform admins', async () => {
    await renderApp('/platform/evidence');
    expect(screen.getByText('Platform evidence is for platform admins.')).toBeInTheDocument();
    const note = screen.getByText('Platform evidence is for platform admins.').parentElement!;
    expect(within(note).getByRole('link', { name: 'Evidence' })).toHaveAttribute('href', '/evidence');
  });

  it('Apps names the catalog apps', async () => {
    await renderApp('/apps');
    for (const app of ['JupyterLab', 'vLLM', 'Slurm', 'RKE2', 'Axolotl']) {
      expect(screen.getByText(app)).toBeInTheDocument();
    }
  });
});

describe('unknown routes', () => {
  it('shows "Page not found" inside the shell with a link back to the start page', async () => {
    const user = userEvent.setup();
    await renderApp('/definitely/not/a/page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    // Still inside the shell.
    expect(rail()).toBeInTheDocument();
    expect(within(rail()).queryByRole('link', { current: 'page' })).not.toBeInTheDocument();
    const back = screen.getByRole('link', { name: 'Back to your start page' });
    expect(back).toHaveAttribute('href', '/');
    await user.click(back);
    expect(currentPath()).toBe('/workloads');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Workloads');
  });
});

describe('top bar', () => {
  it('shows the product name', async () => {
    await renderApp('/workloads');
    expect(screen.getByRole('banner')).toHaveTextContent('GPUaaS');
  });

  it('has a notifications entry outside the rail that opens /notifications', async () => {
    const user = userEvent.setup();
    await renderApp('/workloads');
    const bell = within(screen.getByRole('banner')).getByRole('link', { name: 'Notifications' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(within(rail()).queryByRole('link', { name: 'Notifications' })).not.toBeInTheDocument();
    await user.click(bell);
    await waitForPath('/notifications');
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Notifications');
    expect(within(rail()).queryByRole('link', { current: 'page' })).not.toBeInTheDocument();
  });
});

describe('auth gate', () => {
  it('sends a signed-out visit to /login, remembering the path, and returns after sign-in', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      ...EMPTY_ACCESS,
      'GET /api/v1/auth/session': errorResponse(401, 'unauthenticated', 'sign in first'),
      'POST /api/v1/auth/login': testSession(),
    });
    await renderApp('/storage');
    await waitForPath('/login', '?next=%2Fstorage');
    expect(screen.queryByRole('navigation', { name: 'Product groups' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitForPath('/storage');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Storage');
    expect(calls(fetchMock)).toContain('POST /api/v1/auth/login');
  });

  it('goes to /login when a later API call answers 401', async () => {
    mockApi({
      'GET /api/v1/users/me': errorResponse(401, 'unauthenticated', 'session expired'),
    });
    await renderApp('/account');
    await waitForPath('/login', '?next=%2Faccount');
  });

  it('shows a retry instead of the console when the session check cannot reach the server', async () => {
    mockApi({ 'GET /api/v1/auth/session': () => Promise.reject(new TypeError('down')) });
    await renderApp('/workloads');
    expect(screen.getByRole('heading', { name: 'The console cannot check your session' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Product groups' })).not.toBeInTheDocument();
  });
});

describe('user menu', () => {
  it('shows who is signed in and signs out through POST /auth/logout', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      ...EMPTY_ACCESS,
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    await renderApp('/workloads');
    const button = within(screen.getByRole('banner')).getByRole('button', { name: /Alice Example/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(screen.getByTestId('user-email')).toHaveTextContent('alice@example.com');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Account' })).toHaveAttribute(
      'href',
      '/account',
    );
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitForPath('/login', '');
    const headers = new Headers(initOf(fetchMock, 'POST /api/v1/auth/logout')?.headers);
    expect(headers.get('X-CSRF-Token')).toBe('csrf-test-token');
  });

  it('has an Evidence entry in the top bar', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /api/v1/audit': { items: [], next_cursor: null } });
    await renderApp('/workloads');
    await user.click(within(screen.getByRole('banner')).getByRole('link', { name: 'Evidence' }));
    await waitForPath('/evidence');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Evidence');
    expect(screen.getByText('No audit events yet.')).toBeInTheDocument();
  });
});
