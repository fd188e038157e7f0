import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calls, errorResponse, mockApi, testSession } from '../../test/mockApi';
import { inventory, nodeCatalog, nodeDetail } from '../../test/fleetFixtures';
import { renderApp, waitForPath } from '../../test/renderApp';

const ADMIN = { 'GET /api/v1/auth/session': testSession({ platform_admin: true }) };

describe('node detail', () => {
  it('shows posture, the simulated marker and a way back to Lifecycle', async () => {
    const user = userEvent.setup();
    mockApi({
      ...ADMIN,
      'GET /api/v1/nodes/nod_1': nodeDetail({
        simulated: true,
        inventory: inventory({ gpu_source: 'simulated', simulated: true, driver_version: 'simulated' }),
        posture: {
          ...nodeDetail().posture,
          version_drift: true,
          desired_agent_version: '0.2.0',
          certificate: { ...nodeDetail().posture.certificate, last_renewal_error: 'CSR refused: key mismatch' },
        },
      }),
    });
    await renderApp('/platform/nodes/nod_1');
    expect(screen.getByRole('heading', { level: 1, name: 'gpu-fra-01' })).toBeInTheDocument();
    expect(screen.getByText('Simulated GPUs')).toBeInTheDocument();
    expect(screen.getByTestId('simulated-notice')).toBeInTheDocument();
    expect(screen.getByText('drift: this server ships 0.2.0')).toBeInTheDocument();
    expect(screen.getByTestId('renewal-error')).toHaveTextContent('CSR refused: key mismatch');
    expect(screen.getByText('1 h 0 min')).toBeInTheDocument();
    expect(screen.getAllByTestId('slot-row')).toHaveLength(2);
    expect(screen.getByText('runtime.process')).toBeInTheDocument();

    await user.click(screen.getByTestId('back-link'));
    await waitForPath('/platform/lifecycle');
  });

  it('does not mark a node with real GPUs as simulated', async () => {
    mockApi({ ...ADMIN, 'GET /api/v1/nodes/nod_1': nodeDetail() });
    await renderApp('/platform/nodes/nod_1');
    expect(screen.queryByText('Simulated GPUs')).not.toBeInTheDocument();
  });

  it('shows GPUs with live telemetry, null values as a dash', async () => {
    mockApi({ ...ADMIN, 'GET /api/v1/nodes/nod_1': nodeDetail() });
    await renderApp('/platform/nodes/nod_1?tab=gpus');
    const table = screen.getByRole('table', { name: 'GPUs' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('2 GiB / 79.6 GiB');
    expect(rows[1]).toHaveTextContent('87 %');
    expect(rows[1]).toHaveTextContent('64 °C');
    expect(rows[1]).toHaveTextContent('512 W / 700 W');
    expect(rows[2]).toHaveTextContent('— / 700 W');
  });

  it('groups node operations by intent and asks for the typed name before node.retire', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      ...ADMIN,
      'GET /api/v1/nodes/nod_1': nodeDetail(),
      'GET /api/v1/nodes/nod_1/operations': nodeCatalog(),
      'POST /api/v1/operations': () =>
        errorResponse(400, 'invalid_argument', 'The confirmation does not match.', { field: 'confirmation' }),
    });
    await renderApp('/platform/nodes/nod_1?tab=operations');
    const card = screen.getByTestId('operations-card');
    expect(within(card).getAllByTestId('operation-group').map((g) => g.dataset.intent)).toEqual([
      'inspect',
      'maintenance',
      'destructive',
    ]);
    expect(calls(fetchMock)).toContain('GET /api/v1/nodes/nod_1/operations');
    const retire = within(card).getAllByTestId('operation').find((o) => o.dataset.kind === 'node.retire')!;
    await user.click(within(retire).getByRole('button', { name: 'Retire node…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('gpu-fra-01');
    expect(within(dialog).getByRole('textbox')).toBeInTheDocument();
    expect(calls(fetchMock)).not.toContain('POST /api/v1/operations');
  });

  it('lists tasks and says the node runs no workloads yet', async () => {
    mockApi({
      ...ADMIN,
      'GET /api/v1/nodes/nod_1': nodeDetail(),
      'GET /api/v1/nodes/nod_1/tasks': {
        items: [
          {
            id: 'tsk_1',
            kind: 'probe',
            state: 'failed',
            operation_id: 'op_7',
            result: {},
            error: 'agent timed out',
            created_at: '2026-11-23T10:00:00Z',
            updated_at: '2026-11-23T10:00:05Z',
          },
        ],
      },
    });
    const user = userEvent.setup();
    await renderApp('/platform/nodes/nod_1?tab=tasks');
    const table = screen.getByRole('table', { name: 'Tasks' });
    expect(within(table).getByText('agent timed out')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'op_7' })).toHaveAttribute('href', '/operations/op_7');
    await user.click(screen.getByRole('tab', { name: 'Workloads' }));
    expect(screen.getByText('No workloads run on this node yet.')).toBeInTheDocument();
  });

  it('shows a missing node as an error and keeps the way back', async () => {
    mockApi({ ...ADMIN, 'GET /api/v1/nodes/nod_x': () => errorResponse(404, 'not_found', 'No such node.') });
    await renderApp('/platform/nodes/nod_x');
    expect(await screen.findByRole('alert')).toHaveTextContent('No such node.');
    expect(screen.getByTestId('back-link')).toHaveAttribute('href', '/platform/lifecycle');
  });

  it('is for platform admins only', async () => {
    const fetchMock = mockApi({});
    await renderApp('/platform/nodes/nod_1');
    expect(screen.getByText('Nodes are for platform admins.')).toBeInTheDocument();
    expect(calls(fetchMock)).not.toContain('GET /api/v1/nodes/nod_1');
  });
});
