import type { CatalogOperation, OperationCatalog, OperationView } from '../api/operations';

/** token.revoke as GET /tokens/{id}/operations lists it. */
export function revokeEntry(overrides: Partial<CatalogOperation> = {}): CatalogOperation {
  return {
    kind: 'token.revoke',
    title: 'Revoke token',
    description: 'Revokes the API token at once: every request that presents it is refused from then on.',
    intent: 'destructive',
    danger: 'destructive',
    confirmation: 'typed',
    confirmation_text: 'ci-deploy',
    expected_result: "The token's status is revoked; scripts and CLIs using it get 401.",
    failure_path: 'Nothing changes when the revoke step fails; retry it.',
    evidence: ['audit', 'activity'],
    cancellable: false,
    steps: [
      { name: 'revoke', title: 'Revoke the token' },
      { name: 'forget_cached', title: 'End cached sign-ins that used it' },
    ],
    preconditions: [{ id: 'token_active', description: 'The token is active', met: true, reason: null }],
    permitted: true,
    not_permitted_reason: null,
    available: true,
    ...overrides,
  };
}

export function tokenCatalog(operations: CatalogOperation[] = [revokeEntry()]): OperationCatalog {
  return {
    target: { type: 'token', id: 'tok_1', name: 'ci-deploy', link: '/account/security' },
    operations,
  };
}

/** An operation view (GET /operations/{id}) of token.revoke in `state`. */
export function revokeOperation(state: OperationView['state'], overrides: Partial<OperationView> = {}): OperationView {
  const done = state === 'succeeded';
  return {
    id: 'op_1',
    kind: 'token.revoke',
    title: 'Revoke token',
    target: { type: 'token', id: 'tok_1', name: 'ci-deploy' },
    project_id: null,
    tenant_id: null,
    state,
    stage: done ? 'done' : 'revoke',
    step_index: done ? 2 : 0,
    step_count: 2,
    attempt: 1,
    max_attempts: 3,
    cancel_requested: false,
    requester: { type: 'user', id: 'usr_alice', label: 'alice@example.com' },
    request_id: 'req_1',
    result: done ? {} : null,
    error: state === 'failed' ? { code: 'unavailable', message: 'the database is unavailable' } : null,
    created_at: '2026-11-23T10:00:00Z',
    started_at: state === 'queued' ? null : '2026-11-23T10:00:00Z',
    finished_at: state === 'queued' || state === 'running' ? null : '2026-11-23T10:00:01Z',
    updated_at: '2026-11-23T10:00:01Z',
    params: {},
    intent: 'destructive',
    danger: 'destructive',
    cancellable: false,
    steps: [
      {
        name: 'revoke',
        title: 'Revoke the token',
        state: done ? 'done' : state === 'running' ? 'running' : state === 'failed' ? 'failed' : 'pending',
      },
      {
        name: 'forget_cached',
        title: 'End cached sign-ins that used it',
        state: done ? 'done' : state === 'failed' ? 'skipped' : 'pending',
      },
    ],
    timeline: [
      { seq: 1, at: '2026-11-23T10:00:00Z', type: 'created', stage: 'revoke', attempt: 1, message: 'requested by alice@example.com' },
      ...(done
        ? [{ seq: 2, at: '2026-11-23T10:00:01Z', type: 'succeeded', stage: 'done', attempt: 1, message: 'succeeded' }]
        : []),
    ],
    evidence: {
      audit: '/api/v1/audit?request_id=req_1',
      activity: '/api/v1/activity?resource=token:tok_1',
      target: '/account/security',
    },
    ...overrides,
  };
}
