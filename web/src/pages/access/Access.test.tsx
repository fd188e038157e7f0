import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Member, Project, ServiceAccount, Tenant, Token } from '../../api/types';
import { calls, errorResponse, initOf, jsonResponse, mockApi, testSession } from '../../test/mockApi';
import { renderApp, settle } from '../../test/renderApp';

const TENANT: Tenant = { id: 'ten_acme', name: 'Acme', personal: false, role: 'owner', created_at: '2026-11-01T00:00:00Z' };
const PROJECT: Project = {
  id: 'prj_ml',
  tenant_id: 'ten_acme',
  tenant_name: 'Acme',
  name: 'ml',
  role: 'viewer',
  created_at: '2026-11-02T00:00:00Z',
};
const ALICE: Member = {
  user_id: 'usr_alice',
  email: 'alice@example.com',
  display_name: 'Alice Example',
  role: 'owner',
  created_at: '2026-11-01T00:00:00Z',
};

function lists(tenants: Tenant[], projects: Project[]) {
  return { 'GET /api/v1/tenants': { items: tenants }, 'GET /api/v1/projects': { items: projects } };
}

describe('memberships', () => {
  it('lets a tenant owner add members and shows the server conflict on removing the last owner', async () => {
    const fetchMock = mockApi({
      ...lists([TENANT], [PROJECT]),
      'GET /api/v1/tenants/ten_acme/members': { items: [ALICE] },
      'POST /api/v1/tenants/ten_acme/members': (req) =>
        jsonResponse({ ...ALICE, user_id: 'usr_bob', email: (req.body as { email: string }).email, role: 'member' }, 201),
      'DELETE /api/v1/tenants/ten_acme/members/usr_alice': errorResponse(
        409,
        'conflict',
        'a tenant must keep at least one owner',
      ),
    });
    await renderApp('/access');
    expect(screen.getByLabelText('Tenant or project')).toHaveValue('tenant:ten_acme');
    expect(screen.getByTestId('member-row')).toHaveTextContent('alice@example.com');

    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Add member' });
    await user.type(within(form).getByLabelText('Email'), 'bob@example.com');
    await user.click(within(form).getByRole('button', { name: 'Add member' }));
    await settle();
    expect(JSON.parse(String(initOf(fetchMock, 'POST /api/v1/tenants/ten_acme/members')?.body))).toEqual({
      email: 'bob@example.com',
      role: 'member',
    });
    expect(screen.getByText('bob@example.com added as member.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove alice@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Remove member' }));
    await settle();
    expect(screen.getByTestId('form-error')).toHaveTextContent('a tenant must keep at least one owner');
  });

  it('shows a project viewer the members read-only, with the reason', async () => {
    const fetchMock = mockApi({
      ...lists([], [PROJECT]),
      'GET /api/v1/projects/prj_ml/members': { items: [{ ...ALICE, role: 'viewer' }] },
    });
    await renderApp('/access?project=prj_ml');
    expect(screen.getByTestId('members-readonly')).toHaveTextContent('Only admins of this project');
    expect(screen.queryByRole('form', { name: 'Add member' })).not.toBeInTheDocument();
    const remove = screen.getByRole('button', { name: 'Remove alice@example.com' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAttribute('title', expect.stringContaining('Only admins'));
    expect(screen.queryByRole('combobox', { name: /Role of/ })).not.toBeInTheDocument();
    expect(calls(fetchMock)).toContain('GET /api/v1/projects/prj_ml/members');
  });

  it('says so when the user has no tenant or project', async () => {
    mockApi(lists([], []));
    await renderApp('/access');
    expect(screen.getByText('You are not a member of any tenant or project yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('service accounts', () => {
  it('creates a token for a service account and shows its secret once', async () => {
    const token: Token = {
      id: 'tok_sa',
      name: 'ci',
      kind: 'service_account',
      prefix: 'gsat_12',
      scopes: ['read', 'write'],
      expires_at: null,
      last_used_at: null,
      created_at: '2026-11-23T00:00:00Z',
      revoked_at: null,
      status: 'active',
    };
    const sa: ServiceAccount = { id: 'sa_1', project_id: 'prj_ml', name: 'deployer', role: 'member', created_at: '2026-11-22T00:00:00Z', tokens: [] };
    mockApi({
      ...lists([TENANT], [{ ...PROJECT, role: 'admin' }]),
      'GET /api/v1/projects/prj_ml/service-accounts': { items: [sa] },
      'POST /api/v1/projects/prj_ml/service-accounts/sa_1/tokens': jsonResponse({ token, secret: 'gsat_SECRET' }, 201),
    });
    await renderApp('/access/service-accounts');
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Create token for deployer' });
    await user.type(within(form).getByLabelText('Token name'), 'ci');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));
    await settle();
    expect(screen.getByTestId('secret-value')).toHaveTextContent('gsat_SECRET');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(document.body).not.toHaveTextContent('gsat_SECRET');
  });
});

describe('quotas', () => {
  const QUOTA = {
    project_id: 'prj_ml',
    resources: [
      { resource: 'gpus', used: 4, limit: 8, headroom: 4, source: 'project_override' },
      { resource: 'workloads', used: 2, limit: null, headroom: null, source: 'platform_default' },
    ],
  };

  it('is read-only for users who are not platform admins', async () => {
    const fetchMock = mockApi({ ...lists([], [PROJECT]), 'GET /api/v1/projects/prj_ml/quota': QUOTA });
    await renderApp('/access/quotas');
    const [gpus, workloads] = screen.getAllByTestId('quota-row');
    expect(gpus).toHaveTextContent('GPUs484Project override');
    expect(workloads).toHaveTextContent('Workloads2unlimitedunlimitedPlatform default');
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    expect(calls(fetchMock)).not.toContain('GET /api/v1/quotas');
  });

  it('lets a platform admin change the project override (null = unlimited)', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/auth/session': testSession({ platform_admin: true }),
      ...lists([], [PROJECT]),
      'GET /api/v1/projects/prj_ml/quota': QUOTA,
      'GET /api/v1/quotas': {
        platform: { max_gpus: 4, max_workloads: null },
        overrides: [{ scope: 'project', scope_id: 'prj_ml', max_gpus: 8, max_workloads: null, updated_at: '2026-11-20T00:00:00Z' }],
      },
      'PUT /api/v1/quotas/projects/prj_ml': { scope: 'project', scope_id: 'prj_ml', max_gpus: 16, max_workloads: 10 },
    });
    await renderApp('/access/quotas');
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Override for ml' });
    const gpus = within(form).getByLabelText('Max GPUs');
    expect(gpus).toHaveValue(8);
    await user.clear(gpus);
    await user.type(gpus, '16');
    await user.type(within(form).getByLabelText('Max workloads'), '10');
    await user.click(within(form).getByRole('button', { name: 'Save override' }));
    await settle();
    const init = initOf(fetchMock, 'PUT /api/v1/quotas/projects/prj_ml');
    expect(JSON.parse(String(init?.body))).toEqual({ max_gpus: 16, max_workloads: 10 });
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-test-token');
  });
});

describe('entitlements', () => {
  it('shows the rules read-only to non-admins', async () => {
    mockApi({
      ...lists([], [PROJECT]),
      'GET /api/v1/projects/prj_ml/entitlements': {
        project_id: 'prj_ml',
        skus: { mode: 'allow_list', allowed: ['h100-80g'] },
        apps: { mode: 'all_active', allowed: [] },
      },
    });
    await renderApp('/access/entitlements');
    expect(screen.getByTestId('entitlement-sku')).toHaveTextContent('h100-80g');
    expect(screen.getByTestId('entitlement-app')).toHaveTextContent('Every active app is allowed.');
    expect(screen.queryByRole('form', { name: 'Edit entitlements' })).not.toBeInTheDocument();
  });
});

describe('credentials overview', () => {
  it('summarises keys and tokens across projects without secrets', async () => {
    mockApi({
      'GET /api/v1/users/me/ssh-keys': { items: [{ id: 'k', name: 'k', key_type: 'ssh-ed25519', bits: 256, fingerprint: 'SHA256:x', comment: '', created_at: '2026-11-01T00:00:00Z' }] },
      'GET /api/v1/users/me/tokens': { items: [] },
      'GET /api/v1/projects': { items: [PROJECT] },
      'GET /api/v1/projects/prj_ml/service-accounts': errorResponse(403, 'permission_denied', 'viewers cannot list'),
    });
    await renderApp('/access/credentials');
    expect(screen.getByTestId('ssh-key-count')).toHaveTextContent('You have 1 SSH key.');
    expect(screen.getByText('You have no personal API tokens.')).toBeInTheDocument();
    expect(screen.getByText(/Not shown \(your role cannot list service accounts\): Acme \/ ml/)).toBeInTheDocument();
  });
});
