import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calls, jsonResponse, mockApi } from '../../test/mockApi';
import { revokeOperation } from '../../test/operationFixtures';
import { renderApp, settle } from '../../test/renderApp';

const ACTIVITY = {
  items: [
    {
      id: 'act_2',
      seq: 2,
      kind: 'operation.failed',
      title: 'Revoke token failed: the database is unavailable',
      actor: 'alice@example.com',
      outcome: 'failed',
      operation_id: 'op_1',
      audit_id: null,
      occurred_at: '2026-11-23T10:00:01Z',
    },
  ],
  next_cursor: null,
};

describe('operation page', () => {
  it('shows header, steps, timeline, error and evidence of a failed operation, and retries it', async () => {
    const user = userEvent.setup();
    let retried = false;
    const fetchMock = mockApi({
      'GET /api/v1/operations/op_1': () => (retried ? revokeOperation('succeeded') : revokeOperation('failed')),
      'POST /api/v1/operations/op_1/retry': () => {
        retried = true;
        return jsonResponse(revokeOperation('queued'), 202);
      },
      'GET /api/v1/activity': ACTIVITY,
    });
    await renderApp('/operations/op_1');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Revoke token');
    const page = screen.getByTestId('operation-page');
    expect(within(page).getAllByTestId('operation-state')[0]).toHaveAttribute('data-state', 'failed');
    expect(page).toHaveTextContent('on token ci-deploy, requested by alice@example.com');
    expect(screen.getAllByTestId('operation-step').map((s) => s.getAttribute('data-state'))).toEqual([
      'failed',
      'skipped',
    ]);
    expect(screen.getByTestId('operation-error')).toHaveTextContent('unavailable the database is unavailable');
    expect(screen.getAllByTestId('operation-event')[0]).toHaveTextContent('requested by alice@example.com');
    expect(screen.getByRole('link', { name: 'Audit events of this request' })).toHaveAttribute(
      'href',
      '/evidence?request_id=req_1',
    );
    expect(screen.getByRole('link', { name: 'Back to token ci-deploy' })).toHaveAttribute('href', '/account/security');
    expect(screen.getByTestId('back-link')).toHaveAttribute('href', '/operations');
    expect(screen.getByRole('link', { name: 'Back to Operations' })).toBeInTheDocument();
    expect(screen.getByTestId('activity-item')).toHaveTextContent('Revoke token failed');
    // Not cancellable: no cancel button.
    expect(screen.queryByRole('button', { name: 'Cancel operation' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry operation' }));
    expect(calls(fetchMock)).toContain('POST /api/v1/operations/op_1/retry');
    await waitFor(
      () => expect(within(page).getAllByTestId('operation-state')[0]).toHaveAttribute('data-state', 'succeeded'),
      { timeout: 3000 },
    );
    expect(screen.getByTestId('operation-result')).toHaveTextContent('Succeeded.');
    expect(screen.queryByRole('button', { name: 'Retry operation' })).not.toBeInTheDocument();
    await settle();
  });

  it('cancels a running cancellable operation after confirmation', async () => {
    const user = userEvent.setup();
    const running = revokeOperation('running', {
      kind: 'platform.selftest',
      title: 'Run a runner self-test',
      cancellable: true,
      target: { type: 'platform', id: 'platform', name: 'platform' },
    });
    let cancelled = false;
    const fetchMock = mockApi({
      'GET /api/v1/operations/op_1': () => (cancelled ? { ...running, state: 'cancelled' } : running),
      'POST /api/v1/operations/op_1/cancel': () => {
        cancelled = true;
        return jsonResponse({ ...running, cancel_requested: true }, 202);
      },
      'GET /api/v1/activity': { items: [], next_cursor: null },
    });
    await renderApp('/operations/op_1');
    await user.click(screen.getByRole('button', { name: 'Cancel operation' }));
    await user.click(screen.getByRole('button', { name: 'Cancel operation' }));
    expect(calls(fetchMock)).toContain('POST /api/v1/operations/op_1/cancel');
    await waitFor(
      () =>
        expect(within(screen.getByTestId('operation-page')).getAllByTestId('operation-state')[0]).toHaveAttribute(
          'data-state',
          'cancelled',
        ),
      { timeout: 3000 },
    );
    expect(screen.queryByRole('button', { name: 'Cancel operation' })).not.toBeInTheDocument();
  });

  it('says when the operation does not exist', async () => {
    mockApi({});
    await renderApp('/operations/op_missing');
    expect(await screen.findByRole('alert')).toHaveTextContent('no mock for GET /api/v1/operations/op_missing');
  });
});
