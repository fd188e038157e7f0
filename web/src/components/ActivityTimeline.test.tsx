import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { ActivityItem } from '../api/activity';
import { calls, mockApi } from '../test/mockApi';
import { settle } from '../test/renderApp';
import { renderWithQuery } from '../test/renderWithQuery';
import { ActivityTimeline } from './ActivityTimeline';

function item(seq: number, overrides: Partial<ActivityItem> = {}): ActivityItem {
  return {
    id: `act_${seq}`,
    seq,
    resource: { type: 'token', id: 'tok_1' },
    kind: 'operation.succeeded',
    title: `entry ${seq}`,
    actor: 'alice@example.com',
    outcome: 'succeeded',
    operation_id: null,
    audit_id: null,
    event_id: `evt_${seq}`,
    occurred_at: `2026-11-23T10:0${seq % 10}:00Z`,
    ...overrides,
  };
}

async function renderTimeline() {
  renderWithQuery(
    <MemoryRouter>
      <ActivityTimeline resource={{ type: 'token', id: 'tok_1' }} />
    </MemoryRouter>,
  );
  await settle();
}

describe('ActivityTimeline', () => {
  it('lists the stream newest first with pivots to the operation and the audit entry, and loads more by cursor', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/v1/activity': (req) =>
        req.url.searchParams.get('cursor') === '7'
          ? { items: [item(3, { kind: 'audit:token.create', title: 'token.create', outcome: 'allowed', audit_id: 'aud_1', operation_id: null })], next_cursor: null }
          : {
              items: [
                item(9, { title: 'Revoke token succeeded', operation_id: 'op_1' }),
                item(7, { kind: 'operation.created', title: 'Revoke token started', outcome: 'started', operation_id: 'op_1' }),
              ],
              next_cursor: '7',
            },
    });
    await renderTimeline();
    expect(calls(fetchMock)).toContain('GET /api/v1/activity?resource=token%3Atok_1&limit=20');

    let entries = screen.getAllByTestId('activity-item');
    expect(entries.map((e) => e.querySelector('.timeline__title')?.textContent)).toEqual([
      'Revoke token succeeded',
      'Revoke token started',
    ]);
    expect(entries[0]).toHaveTextContent('succeeded');
    expect(entries[0]).toHaveTextContent('by alice@example.com');
    expect(within(entries[0]!).getByRole('link', { name: 'Operation op_1' })).toHaveAttribute('href', '/operations/op_1');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await settle();
    expect(calls(fetchMock)).toContain('GET /api/v1/activity?resource=token%3Atok_1&cursor=7&limit=20');
    entries = screen.getAllByTestId('activity-item');
    expect(entries).toHaveLength(3);
    expect(entries[2]).toHaveAttribute('data-kind', 'audit:token.create');
    expect(within(entries[2]!).getByRole('link', { name: 'Audit entry aud_1' })).toHaveAttribute(
      'href',
      '/evidence?event=aud_1',
    );
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says so when nothing happened yet', async () => {
    mockApi({ 'GET /api/v1/activity': { items: [], next_cursor: null } });
    await renderTimeline();
    expect(screen.getByText('No activity recorded yet.')).toBeInTheDocument();
  });
});
