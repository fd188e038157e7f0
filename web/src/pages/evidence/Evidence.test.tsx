import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
import { calls, mockApi, testSession } from '../../test/mockApi';
import { currentPath, currentSearch, renderApp, settle, waitForPath } from '../../test/renderApp';

const EVENT: AuditEvent = {
  id: 'aud_1',
  occurred_at: '2026-11-23T10:15:00Z',
  actor_type: 'user',
  actor_id: 'usr_alice',
  actor_label: 'alice@example.com',
  action: 'ssh_key.create',
  target_type: 'ssh_key',
  target_id: 'key_1',
  project_id: 'prj_ml',
  tenant_id: 'ten_acme',
  request_id: 'req_42',
  client_ip: '203.0.113.7',
  outcome: 'allowed',
  metadata: { fingerprint: 'SHA256:abc', key_type: 'ssh-ed25519' },
};

const DENIED: AuditEvent = {
  ...EVENT,
  id: 'aud_2',
  action: 'token.create',
  target_type: 'token',
  target_id: 'tok_9',
  outcome: 'denied',
  request_id: 'req_43',
  metadata: {},
};

function auditCalls(fetchMock: ReturnType<typeof mockApi>) {
  return calls(fetchMock).filter((c) => c.startsWith('GET /api/v1/audit'));
}

describe('evidence', () => {
  it('lists events with a coloured outcome and an explicit empty state', async () => {
    mockApi({ 'GET /api/v1/audit': { items: [EVENT, DENIED], next_cursor: null } });
    await renderApp('/evidence');
    const rows = screen.getAllByTestId('audit-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('2026-11-23 10:15 UTC');
    expect(rows[0]).toHaveTextContent('alice@example.com');
    expect(rows[0]).toHaveTextContent('ssh_key.create');
    expect(rows[0]).toHaveTextContent('key_1');
    expect(rows[0]).toHaveTextContent('prj_ml');
    expect(within(rows[0]!).getByText('allowed')).toHaveClass('badge--success');
    expect(within(rows[1]!).getByText('denied')).toHaveClass('badge--danger');
  });

  it('builds the query string from the filters, and the CSV link uses the same filters', async () => {
    const fetchMock = mockApi({ 'GET /api/v1/audit': { items: [], next_cursor: null } });
    await renderApp('/evidence');
    expect(auditCalls(fetchMock)).toEqual(['GET /api/v1/audit?limit=50']);
    expect(screen.getByText('No audit events yet.')).toBeInTheDocument();

    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Evidence filters' });
    await user.type(within(form).getByLabelText('Actor id'), 'usr_alice');
    await user.type(within(form).getByLabelText('Action'), 'ssh_key.create');
    await user.type(within(form).getByLabelText('Target type'), 'ssh_key');
    await user.type(within(form).getByLabelText('Project id'), 'prj_ml');
    await user.selectOptions(within(form).getByLabelText('Outcome'), 'denied');
    fireEvent.change(within(form).getByLabelText('Since'), { target: { value: '2026-11-20T08:30' } });
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));
    await settle();

    const since = new Date('2026-11-20T08:30').toISOString();
    const expected =
      `actor_id=usr_alice&action=ssh_key.create&target_type=ssh_key&project_id=prj_ml` +
      `&outcome=denied&since=${encodeURIComponent(since)}`;
    expect(auditCalls(fetchMock).at(-1)).toBe(`GET /api/v1/audit?${expected}&limit=50`);
    expect(currentSearch()).toBe(`?${expected}`);
    expect(screen.getByText('No audit events match these filters.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      `/api/v1/audit/export?${expected}`,
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await settle();
    expect(auditCalls(fetchMock).at(-1)).toBe('GET /api/v1/audit?limit=50');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/v1/audit/export');
  });

  it('reads the filters from the URL and pages with the cursor', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/audit': (req) =>
        req.url.searchParams.get('cursor') === 'c2'
          ? { items: [DENIED], next_cursor: null }
          : { items: [EVENT], next_cursor: 'c2' },
    });
    await renderApp('/evidence?outcome=allowed&action=ssh_key.create');
    expect(screen.getByLabelText('Action')).toHaveValue('ssh_key.create');
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await settle();
    expect(auditCalls(fetchMock)).toEqual([
      'GET /api/v1/audit?action=ssh_key.create&outcome=allowed&limit=50',
      'GET /api/v1/audit?action=ssh_key.create&outcome=allowed&cursor=c2&limit=50',
    ]);
    expect(screen.getAllByTestId('audit-row')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('opens a drawer with every field, the metadata and pivots', async () => {
    const fetchMock = mockApi({ 'GET /api/v1/audit': { items: [EVENT], next_cursor: null } });
    await renderApp('/evidence');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Details of ssh_key.create/ }));

    const drawer = screen.getByRole('dialog', { name: 'Audit event ssh_key.create' });
    const detail = within(drawer).getByTestId('audit-detail');
    for (const text of [
      'aud_1',
      '2026-11-23 10:15 UTC',
      'allowed',
      'alice@example.com',
      'usr_alice',
      'ssh_key',
      'key_1',
      'prj_ml',
      'ten_acme',
      'req_42',
      '203.0.113.7',
    ]) {
      expect(detail).toHaveTextContent(text);
    }
    const metadata = within(drawer).getByTestId('audit-metadata');
    expect(metadata).toHaveTextContent('fingerprint');
    expect(metadata).toHaveTextContent('SHA256:abc');
    expect(metadata).toHaveTextContent('key_type');
    expect(within(drawer).getByRole('link', { name: 'Open project' })).toHaveAttribute(
      'href',
      '/access?project=prj_ml',
    );

    await user.click(within(drawer).getByRole('button', { name: 'Filter by this target' }));
    await settle();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(auditCalls(fetchMock).at(-1)).toBe('GET /api/v1/audit?target_type=ssh_key&target_id=key_1&limit=50');

    await user.click(screen.getByRole('button', { name: /Details of ssh_key.create/ }));
    await user.click(screen.getByRole('button', { name: 'Filter by this actor' }));
    await settle();
    expect(auditCalls(fetchMock).at(-1)).toBe('GET /api/v1/audit?actor_id=usr_alice&limit=50');

    await user.click(screen.getByRole('button', { name: /Details of ssh_key.create/ }));
    await user.click(screen.getByRole('button', { name: 'Filter by this request id' }));
    await settle();
    expect(auditCalls(fetchMock).at(-1)).toBe('GET /api/v1/audit?request_id=req_42&limit=50');
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);
  });

  it('closes the drawer with Escape', async () => {
    mockApi({ 'GET /api/v1/audit': { items: [EVENT], next_cursor: null } });
    await renderApp('/evidence');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Details of ssh_key.create/ }));
    expect(screen.getByRole('dialog')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is the Evidence tab of Platform for platform admins', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/auth/session': testSession({ platform_admin: true }),
      'GET /api/v1/audit': { items: [EVENT], next_cursor: null },
    });
    await renderApp('/platform');
    const user = userEvent.setup();
    await user.click(
      within(screen.getByRole('navigation', { name: 'Platform sections' })).getByRole('link', {
        name: 'Evidence',
      }),
    );
    await waitForPath('/platform/evidence');
    expect(currentPath()).toBe('/platform/evidence');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Platform');
    expect(screen.getByRole('heading', { level: 2, name: 'Evidence' })).toBeInTheDocument();
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);
    expect(auditCalls(fetchMock)).toEqual(['GET /api/v1/audit?limit=50']);
  });

  it('opens one audit entry from ?event= (the activity streams link there) and closes back to the log', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/audit': { items: [EVENT, DENIED], next_cursor: null },
      'GET /api/v1/audit/aud_2': DENIED,
    });
    await renderApp('/evidence?event=aud_2');
    const drawer = screen.getByRole('dialog', { name: 'Audit event token.create' });
    expect(within(drawer).getByTestId('audit-detail')).toHaveTextContent('tok_9');
    expect(calls(fetchMock)).toContain('GET /api/v1/audit/aud_2');
    const user = userEvent.setup();
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    await waitForPath('/evidence', '');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
