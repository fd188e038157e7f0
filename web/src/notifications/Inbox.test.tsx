import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../api/notifications';
import { FakeWebSocket } from '../test/fakeWebSocket';
import { calls, jsonResponse, mockApi } from '../test/mockApi';
import { renderApp, settle, waitForPath } from '../test/renderApp';

function note(seq: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id: `ntf_${seq}`,
    seq,
    kind: 'operation.succeeded',
    title: `Revoke token succeeded ${seq}`,
    body: `Revoke token on token 'ci-${seq}' succeeded.`,
    link: `/operations/op_${seq}`,
    created_at: '2026-11-23T10:00:00Z',
    read_at: null,
    ...overrides,
  };
}

function bell() {
  return within(screen.getByRole('banner')).getByRole('link', { name: /^Notifications/ });
}

function badge() {
  return within(screen.getByRole('banner')).queryByTestId('unread-count');
}

async function socket() {
  await waitFor(() => expect(FakeWebSocket.latest()).toBeDefined());
  return FakeWebSocket.latest()!;
}

const NO_CONTENT = () => new Response(null, { status: 204 });

describe('inbox', () => {
  it('counts unread notifications in the bell and keeps the count live from /ws/notifications', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/notifications': {
        items: [note(5), note(4, { read_at: '2026-11-23T10:01:00Z' }), note(3)],
        unread_count: 2,
        next_cursor: null,
      },
    });
    await renderApp('/workloads');
    expect(calls(fetchMock)).toContain('GET /api/v1/notifications?limit=20');
    await waitFor(() => expect(badge()).toHaveTextContent('2'));
    expect(bell()).toHaveAccessibleName('Notifications, 2 unread');
    expect(bell()).toHaveAttribute('href', '/notifications');

    // Resumes after the newest notification it has.
    const ws = await socket();
    expect(ws.url).toBe('ws://localhost:3000/ws/notifications?after=5');
    act(() => {
      ws.open();
      ws.receive({ type: 'synced', seq: 5 });
      ws.receive({ type: 'notification', seq: 8, notification: note(8, { title: 'Revoke token succeeded' }) });
    });
    await waitFor(() => expect(badge()).toHaveTextContent('3'));
    // A repeat of the same notification does not count twice.
    act(() => ws.receive({ type: 'notification', seq: 8, notification: note(8, { title: 'Revoke token succeeded' }) }));
    expect(badge()).toHaveTextContent('3');
    // A batch (a catch-up or a burst) counts each notification once.
    act(() => ws.receive({ type: 'notifications', seq: 10, items: [note(8), note(9), note(10)] }));
    await waitFor(() => expect(badge()).toHaveTextContent('5'));

    // Dropped: reconnects with backoff, resuming after the last seq seen.
    act(() => ws.serverClose());
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2), { timeout: 3000 });
    expect(FakeWebSocket.latest()!.url).toBe('ws://localhost:3000/ws/notifications?after=10');
  });

  it('lists notifications on /notifications with mark read, mark all read, delete and a link to the operation', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/v1/notifications': {
        items: [note(5), note(4, { read_at: '2026-11-23T10:01:00Z' }), note(3)],
        unread_count: 2,
        next_cursor: null,
      },
      'POST /api/v1/notifications/ntf_5/read': NO_CONTENT,
      'POST /api/v1/notifications/read-all': () => jsonResponse({ marked: 1 }),
      'DELETE /api/v1/notifications/ntf_4': NO_CONTENT,
    });
    await renderApp('/workloads');
    await user.click(bell());
    await waitForPath('/notifications');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Notifications');
    let rows = screen.getAllByTestId('notification');
    expect(rows.map((r) => r.getAttribute('data-unread'))).toEqual(['true', 'false', 'true']);
    expect(within(rows[0]!).getByRole('link', { name: 'Open the operation' })).toHaveAttribute('href', '/operations/op_5');
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('2 unread');

    // Live: a new one appears at the top.
    const ws = await socket();
    act(() => ws.receive({ type: 'notification', seq: 9, notification: note(9) }));
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(4));
    expect(screen.getAllByTestId('notification')[0]).toHaveTextContent('Revoke token succeeded 9');
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('3 unread');

    await user.click(screen.getByRole('button', { name: 'Mark Revoke token succeeded 5 read' }));
    await waitFor(() => expect(badge()).toHaveTextContent('2'));
    expect(calls(fetchMock)).toContain('POST /api/v1/notifications/ntf_5/read');

    await user.click(screen.getByRole('button', { name: 'Delete Revoke token succeeded 4' }));
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(3));
    expect(calls(fetchMock)).toContain('DELETE /api/v1/notifications/ntf_4');
    expect(badge()).toHaveTextContent('2');

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(badge()).not.toBeInTheDocument());
    expect(calls(fetchMock)).toContain('POST /api/v1/notifications/read-all');
    rows = screen.getAllByTestId('notification');
    expect(rows.every((r) => r.getAttribute('data-unread') === 'false')).toBe(true);
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('No unread notifications.');
    expect(bell()).toHaveAccessibleName('Notifications');
    await settle();
  });
});
