import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../test/mockApi';
import { revokeOperation } from '../../test/operationFixtures';
import { renderApp, waitForPath } from '../../test/renderApp';

const failed = revokeOperation('failed', {
  id: 'op_failed',
  error: { code: 'unavailable', message: 'The token store did not answer.' },
});
const done = revokeOperation('succeeded', { id: 'op_done', kind: 'user.unlock' });

describe('operations workbench', () => {
  it('puts failed operations in the action band and lists every operation with a link to it', async () => {
    mockApi({ 'GET /api/v1/operations': { items: [failed, done], next_cursor: null } });
    const user = userEvent.setup();
    await renderApp('/operations');

    const band = screen.getByRole('region', { name: 'Needs action' });
    expect(band).toHaveTextContent('The token store did not answer.');
    expect(within(band).getByRole('link', { name: /Inspect/ })).toHaveAttribute('href', '/operations/op_failed');

    const table = screen.getByRole('table', { name: 'Operations' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('link', { name: 'user.unlock' })).toHaveAttribute('href', '/operations/op_done');

    await user.type(screen.getByRole('searchbox', { name: 'Filter operations' }), 'unlock');
    expect(within(table).getAllByRole('row')).toHaveLength(2);

    await user.click(within(table).getByRole('link', { name: 'user.unlock' }));
    await waitForPath('/operations/op_done');
  });

  it('says honestly when there are none', async () => {
    mockApi({ 'GET /api/v1/operations': { items: [], next_cursor: null } });
    await renderApp('/operations');
    expect(screen.getByText('No operations yet.')).toBeInTheDocument();
    expect(screen.getByText('No failed operation needs your action.')).toBeInTheDocument();
  });
});
