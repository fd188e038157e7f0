import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../api/client';
import type { CatalogOperation, OperationCatalog } from '../../api/operations';
import { calls, errorResponse, initOf, jsonResponse, mockApi } from '../../test/mockApi';
import { revokeEntry, revokeOperation, tokenCatalog } from '../../test/operationFixtures';
import { settle } from '../../test/renderApp';
import { renderWithQuery } from '../../test/renderWithQuery';
import { LifecycleOperationCard } from './LifecycleOperationCard';

function userOp(overrides: Partial<CatalogOperation>): CatalogOperation {
  return {
    ...revokeEntry(),
    confirmation_text: undefined,
    cancellable: false,
    steps: [],
    ...overrides,
  };
}

const USER_CATALOG: OperationCatalog = {
  target: { type: 'user', id: 'usr_bob', name: 'bob@example.com', link: '/platform' },
  operations: [
    userOp({
      kind: 'user.disable',
      title: 'Disable user',
      description: 'Signs the user out everywhere.',
      intent: 'destructive',
      danger: 'destructive',
      confirmation: 'typed',
      confirmation_text: 'bob@example.com',
      expected_result: 'The user is disabled.',
      preconditions: [
        { id: 'user_active', description: 'The user is active', met: true, reason: null },
        { id: 'not_yourself', description: 'You are not disabling yourself', met: true, reason: null },
      ],
    }),
    userOp({
      kind: 'user.enable',
      title: 'Enable user',
      description: 'Lets a disabled user sign in again.',
      intent: 'recovery',
      danger: 'caution',
      confirmation: 'confirm',
      expected_result: 'The user is active and can sign in.',
      preconditions: [
        { id: 'user_disabled', description: 'The user is disabled', met: false, reason: 'the user is active' },
      ],
      available: false,
    }),
    userOp({
      kind: 'user.unlock',
      title: 'Unlock sign-in',
      description: 'Lifts the sign-in lock.',
      intent: 'recovery',
      danger: 'safe',
      confirmation: 'none',
      expected_result: 'The user can sign in again at once.',
      preconditions: [{ id: 'user_locked', description: 'Sign-in is locked', met: true, reason: null }],
    }),
    userOp({
      kind: 'user.inspect',
      title: 'Inspect user',
      description: 'Reads the user.',
      intent: 'inspect',
      danger: 'safe',
      confirmation: 'none',
      expected_result: 'Nothing changes.',
      preconditions: [],
      permitted: false,
      not_permitted_reason: 'only platform admins may do this',
      available: false,
    }),
  ],
};

async function renderCard(target: { type: string; id: string }, params?: Record<string, Record<string, unknown>>) {
  renderWithQuery(
    <MemoryRouter>
      <LifecycleOperationCard target={target} params={params} pollMs={10} />
    </MemoryRouter>,
  );
  await settle();
}

function operation(kind: string) {
  const item = screen.getAllByTestId('operation').find((el) => el.getAttribute('data-kind') === kind);
  if (!item) throw new Error(`no operation ${kind}`);
  return item;
}

describe('LifecycleOperationCard', () => {
  it('groups the catalogue by intent and shows danger, preconditions, expected result and why one is unavailable', async () => {
    const fetchMock = mockApi({ 'GET /api/v1/users/usr_bob/operations': USER_CATALOG });
    await renderCard({ type: 'user', id: 'usr_bob' });
    expect(calls(fetchMock)).toContain('GET /api/v1/users/usr_bob/operations');

    const groups = screen.getAllByTestId('operation-group');
    expect(groups.map((g) => g.getAttribute('data-intent'))).toEqual(['inspect', 'recovery', 'destructive']);
    expect(groups.map((g) => within(g).getByRole('heading', { level: 4 }).textContent)).toEqual([
      'Inspect',
      'Recovery',
      'Destructive',
    ]);
    expect(within(groups[1]!).getAllByTestId('operation').map((o) => o.getAttribute('data-kind'))).toEqual([
      'user.enable',
      'user.unlock',
    ]);

    const disable = operation('user.disable');
    expect(disable).toHaveTextContent('destructive');
    expect(disable).toHaveTextContent('Expected result: The user is disabled.');
    expect(within(disable).getAllByTestId('precondition').map((p) => p.getAttribute('data-met'))).toEqual([
      'true',
      'true',
    ]);
    expect(within(disable).getByRole('button', { name: 'Disable user…' })).toBeEnabled();

    // An unmet precondition says why, and the operation cannot be started.
    const enable = operation('user.enable');
    const unmet = within(enable).getByTestId('precondition');
    expect(unmet).toHaveAttribute('data-met', 'false');
    expect(unmet).toHaveTextContent('Not met: The user is disabled — the user is active');
    const enableButton = within(enable).getByRole('button', { name: 'Enable user…' });
    expect(enableButton).toBeDisabled();
    expect(enableButton).toHaveAccessibleDescription('Not available: the user is active.');

    // Not permitted: the server's reason.
    const inspect = operation('user.inspect');
    expect(within(inspect).getByRole('button', { name: 'Inspect user' })).toBeDisabled();
    expect(within(inspect).getByTestId('operation-unavailable')).toHaveTextContent('only platform admins may do this');
  });

  it('shows the server refusing a wrong typed name, starts nothing, then runs with the right name', async () => {
    setCsrfToken('csrf-test-token');
    const user = userEvent.setup();
    let polls = 0;
    const fetchMock = mockApi({
      'GET /api/v1/tokens/tok_1/operations': tokenCatalog(),
      'POST /api/v1/operations': (req) => {
        const body = req.body as { confirmation?: string };
        if (body.confirmation !== 'ci-deploy') {
          return errorResponse(
            400,
            'invalid_argument',
            "the confirmation does not match the name of the token; type 'ci-deploy' exactly",
            { field: 'confirmation' },
          );
        }
        return jsonResponse(revokeOperation('queued'), 202);
      },
      'GET /api/v1/operations/op_1': () => {
        polls += 1;
        return revokeOperation(polls < 2 ? 'running' : 'succeeded');
      },
    });
    await renderCard({ type: 'token', id: 'tok_1' });

    await user.click(within(operation('token.revoke')).getByRole('button', { name: 'Revoke token…' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke token ci-deploy?' });
    expect(within(dialog).getByTestId('confirmation-text')).toHaveTextContent('ci-deploy');
    const input = within(dialog).getByLabelText('Type the token name to confirm');
    expect(input).toHaveFocus();
    const submit = within(dialog).getByRole('button', { name: 'Revoke token' });
    expect(submit).toBeDisabled();

    // A wrong name goes to the server, which refuses it: shown at the field, nothing starts.
    await user.type(input, 'ci-deplyo');
    await user.click(submit);
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        expect.stringContaining("the confirmation does not match the name of the token; type 'ci-deploy' exactly"),
      ),
    );
    expect(screen.getByRole('dialog', { name: 'Revoke token ci-deploy?' })).toBeInTheDocument();
    expect(screen.queryByTestId('operation-progress')).not.toBeInTheDocument();
    expect(calls(fetchMock).filter((c) => c.startsWith('GET /api/v1/operations/'))).toEqual([]);

    // The right name starts it; progress follows to the end.
    await user.clear(input);
    await user.type(input, 'ci-deploy');
    await user.click(submit);
    const progress = await screen.findByTestId('operation-progress');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(progress).toHaveAttribute('data-state', 'succeeded'), { timeout: 3000 });
    expect(within(progress).getAllByTestId('operation-step').map((s) => s.getAttribute('data-state'))).toEqual([
      'done',
      'done',
    ]);
    expect(within(progress).getByRole('link', { name: 'Open operation page' })).toHaveAttribute(
      'href',
      '/operations/op_1',
    );
    const posts = fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST');
    expect(posts.map(([, init]) => JSON.parse(String((init as RequestInit).body)).confirmation)).toEqual([
      'ci-deplyo',
      'ci-deploy',
    ]);
    const headers = new Headers(initOf(fetchMock, 'POST /api/v1/operations')?.headers);
    expect(headers.get('X-CSRF-Token')).toBe('csrf-test-token');
    expect(headers.get('Idempotency-Key')).toBeTruthy();
    // The catalogue is read again once the operation is over.
    await waitFor(() =>
      expect(calls(fetchMock).filter((c) => c === 'GET /api/v1/tokens/tok_1/operations')).toHaveLength(2),
    );
  });

  it('asks once for a "confirm" operation and sends confirmation "confirm"', async () => {
    const user = userEvent.setup();
    const catalog: OperationCatalog = {
      ...USER_CATALOG,
      operations: [{ ...USER_CATALOG.operations[1]!, available: true, preconditions: [] }],
    };
    const fetchMock = mockApi({
      'GET /api/v1/users/usr_bob/operations': catalog,
      'POST /api/v1/operations': () =>
        jsonResponse(revokeOperation('succeeded', { id: 'op_2', kind: 'user.enable', title: 'Enable user' }), 202),
    });
    await renderCard({ type: 'user', id: 'usr_bob' });
    await user.click(screen.getByRole('button', { name: 'Enable user…' }));
    const dialog = screen.getByRole('dialog', { name: 'Enable user bob@example.com?' });
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Enable user' }));
    await screen.findByTestId('operation-progress');
    expect(JSON.parse(String(initOf(fetchMock, 'POST /api/v1/operations')?.body))).toEqual({
      kind: 'user.enable',
      target: { type: 'user', id: 'usr_bob' },
      confirmation: 'confirm',
    });
  });

  it('starts a safe operation at once with its parameters and shows a failed precondition from the server', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /api/v1/platform/operations': {
        target: { type: 'platform', id: 'platform', name: 'platform', link: '/platform' },
        operations: [
          userOp({
            kind: 'platform.selftest',
            title: 'Run a runner self-test',
            intent: 'inspect',
            danger: 'safe',
            confirmation: 'none',
            preconditions: [],
          }),
        ],
      },
      'POST /api/v1/operations': errorResponse(412, 'failed_precondition', 'the runner is paused'),
    });
    await renderCard({ type: 'platform', id: 'platform' }, { 'platform.selftest': { steps: 2, step_ms: 0 } });
    await user.click(screen.getByRole('button', { name: 'Run a runner self-test' }));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('the runner is paused');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(JSON.parse(String(initOf(fetchMock, 'POST /api/v1/operations')?.body))).toEqual({
      kind: 'platform.selftest',
      target: { type: 'platform', id: 'platform' },
      params: { steps: 2, step_ms: 0 },
    });
  });
});
