import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calls, errorResponse, mockApi, testSession } from '../../test/mockApi';
import { nodePage, nodeSummary } from '../../test/fleetFixtures';
import { renderApp, waitForPath } from '../../test/renderApp';

const ADMIN = { 'GET /api/v1/auth/session': testSession({ platform_admin: true }) };
const SITES = { 'GET /api/v1/sites': { items: [{ id: 'site_fra', name: 'fra-1', region: 'eu-central', description: '', node_count: 2, created_at: '2026-11-01T00:00:00Z' }] } };
const NO_FAILED = { 'GET /api/v1/operations': { items: [], next_cursor: null } };

describe('platform lifecycle', () => {
  it('lists the fleet with state counts, links rows to node detail and flags what needs action', async () => {
    const user = userEvent.setup();
    const offline = nodeSummary({ id: 'nod_2', name: 'gpu-fra-02', state: 'offline', connected: false, simulated: true });
    const dueCert = nodeSummary({ id: 'nod_3', name: 'gpu-fra-03', certificate: { state: 'renewal_due', not_after: null } });
    mockApi({
      ...ADMIN,
      ...SITES,
      'GET /api/v1/nodes': nodePage([nodeSummary(), offline, dueCert]),
      'GET /api/v1/operations': {
        items: [
          {
            id: 'op_9',
            kind: 'node.probe',
            title: 'Probe',
            target: { type: 'node', id: 'nod_1', name: 'gpu-fra-01' },
            state: 'failed',
            error: { code: 'unavailable', message: 'The agent did not answer the probe.' },
            requester: { type: 'user', id: 'usr_alice', label: 'alice@example.com' },
            created_at: '2026-11-23T10:00:00Z',
          },
        ],
        next_cursor: null,
      },
      'GET /api/v1/nodes/nod_1': () => errorResponse(404, 'not_found', 'stop here'),
    });
    await renderApp('/platform/lifecycle');

    const counts = screen.getByLabelText('Nodes by state');
    expect(within(counts).getByRole('link', { name: '1 offline: show them' })).toHaveAttribute(
      'href',
      '/platform/lifecycle?state=offline',
    );
    const band = screen.getByRole('region', { name: 'Needs action' });
    expect(band).toHaveTextContent('1 node offline');
    expect(band).toHaveTextContent('Certificate of gpu-fra-03 is due for renewal');
    expect(band).toHaveTextContent('The agent did not answer the probe.');
    expect(within(band).getByRole('link', { name: /Inspect/ })).toHaveAttribute('href', '/operations/op_9');

    const table = screen.getByRole('table', { name: 'Nodes' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Simulated')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Onboard a node' })).toHaveAttribute('href', '/platform/nodes/onboard');
    await user.click(within(table).getByRole('link', { name: 'gpu-fra-01' }));
    await waitForPath('/platform/nodes/nod_1');
  });

  it('sends the filters to the server and loads more with the cursor', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      ...ADMIN,
      ...SITES,
      ...NO_FAILED,
      'GET /api/v1/nodes': (req) =>
        req.url.searchParams.get('cursor') === 'c2'
          ? nodePage([nodeSummary({ id: 'nod_4', name: 'gpu-fra-04' })])
          : nodePage([nodeSummary()], { next_cursor: 'c2' }),
    });
    await renderApp('/platform/lifecycle');
    expect(calls(fetchMock)).toContain('GET /api/v1/nodes?limit=50');

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'cordoned');
    await waitFor(() => expect(calls(fetchMock)).toContain('GET /api/v1/nodes?state=cordoned&limit=50'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site' }), 'site_fra');
    await user.type(screen.getByRole('searchbox', { name: 'GPU model' }), 'NVIDIA H100');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'fra');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(calls(fetchMock)).toContain(
        'GET /api/v1/nodes?state=cordoned&site_id=site_fra&gpu_model=NVIDIA+H100&q=fra&limit=50',
      ),
    );

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'gpu-fra-04' })).toBeInTheDocument();
    expect(calls(fetchMock)).toContain(
      'GET /api/v1/nodes?state=cordoned&site_id=site_fra&gpu_model=NVIDIA+H100&q=fra&cursor=c2&limit=50',
    );
  });

  it('points an empty fleet to onboarding, honestly', async () => {
    mockApi({ ...ADMIN, ...SITES, ...NO_FAILED, 'GET /api/v1/nodes': nodePage([]) });
    await renderApp('/platform/lifecycle');
    expect(screen.getByText('No nodes in this fleet yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Onboard the first node' })).toHaveAttribute('href', '/platform/nodes/onboard');
    expect(screen.queryByRole('table', { name: 'Nodes' })).not.toBeInTheDocument();
  });

  it('says when filters match nothing instead of calling the fleet empty', async () => {
    mockApi({
      ...ADMIN,
      ...SITES,
      ...NO_FAILED,
      'GET /api/v1/nodes': nodePage([], { counts: { total: 3, enrolling: 0, online: 3, offline: 0, cordoned: 0, draining: 0, retired: 0 } }),
    });
    await renderApp('/platform/lifecycle?state=draining');
    expect(screen.getByText('No nodes match these filters.')).toBeInTheDocument();
    expect(screen.queryByText('No nodes in this fleet yet.')).not.toBeInTheDocument();
  });

  it('shows the server error with a retry', async () => {
    mockApi({
      ...ADMIN,
      ...SITES,
      ...NO_FAILED,
      'GET /api/v1/nodes': () => errorResponse(500, 'internal', 'The fleet could not be read.'),
    });
    await renderApp('/platform/lifecycle');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The fleet could not be read.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('is for platform admins only', async () => {
    const fetchMock = mockApi({});
    await renderApp('/platform/lifecycle');
    expect(screen.getByText('The fleet and its lifecycle are for platform admins.')).toBeInTheDocument();
    expect(calls(fetchMock).some((c) => c.startsWith('GET /api/v1/nodes'))).toBe(false);
  });
});

describe('platform setup', () => {
  it('lists setup items with state, owner, next action and evidence', async () => {
    mockApi({
      ...ADMIN,
      'GET /api/v1/platform/setup': {
        items: [
          {
            id: 'ca',
            title: 'Platform CA',
            state: 'configured',
            owner: 'platform admin',
            next_action: '',
            detail: 'Created at first start.',
            evidence_link: '/platform/evidence',
          },
          {
            id: 'public_url',
            title: 'Public URL',
            state: 'missing',
            owner: 'operator',
            next_action: 'Set public_url in the server configuration.',
            detail: 'Agents and bootstrap commands need it.',
            evidence_link: null,
          },
        ],
      },
    });
    await renderApp('/platform/setup');
    const table = screen.getByRole('table', { name: 'Setup checklist' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Configured')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Missing')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Evidence for Platform CA' })).toHaveAttribute('href', '/platform/evidence');
    expect(within(rows[2]!).getByText('none yet')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Needs action' })).toHaveTextContent('Set public_url in the server configuration.');
  });

  it('shows a failed load as an error', async () => {
    mockApi({ ...ADMIN, 'GET /api/v1/platform/setup': () => errorResponse(500, 'internal', 'Something broke.') });
    await renderApp('/platform/setup');
    expect(await screen.findByRole('alert')).toHaveTextContent('Something broke.');
  });

  it('links to lifecycle and setup from the overview', async () => {
    mockApi({
      ...ADMIN,
      'GET /api/v1/platform/operations': {
        target: { type: 'platform', id: 'platform', name: 'platform', link: '/platform' },
        operations: [],
      },
      'GET /api/v1/activity': { items: [], next_cursor: null },
    });
    await renderApp('/platform');
    expect(screen.getByRole('link', { name: 'Lifecycle: nodes and what needs action' })).toHaveAttribute(
      'href',
      '/platform/lifecycle',
    );
    expect(screen.getByRole('link', { name: 'Setup checklist' })).toHaveAttribute('href', '/platform/setup');
  });
});
