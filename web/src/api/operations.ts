import { apiRequest, seg } from './client';
import type { Page } from './types';

/**
 * The operations engine (api/v1/operations): each lifecycle change of a
 * resource is a durable operation with steps, a timeline and evidence. A
 * target's catalogue says which operations exist for it, whether the caller
 * may start them and which preconditions hold right now.
 */

export type OperationIntent = 'inspect' | 'setup' | 'update' | 'maintenance' | 'recovery' | 'destructive';
export type OperationDanger = 'safe' | 'caution' | 'destructive';
export type ConfirmationMode = 'none' | 'confirm' | 'typed';
export type OperationState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type StepState = 'done' | 'running' | 'pending' | 'failed' | 'skipped';

/** What an operation acts on; the console opens catalogues for these. */
export type OperationTargetType = 'token' | 'user' | 'platform' | 'project' | 'tenant';

export interface OperationTargetRef {
  type: OperationTargetType | (string & {});
  id: string;
}

export interface CatalogTarget extends OperationTargetRef {
  name: string;
  /** Console path of the target's own page. */
  link: string;
}

export interface OperationPrecondition {
  id: string;
  description: string;
  met: boolean;
  /** Why it is not met (null when met). */
  reason: string | null;
}

export interface CatalogOperation {
  kind: string;
  title: string;
  description: string;
  intent: OperationIntent;
  danger: OperationDanger;
  confirmation: ConfirmationMode;
  /** The exact text to type when `confirmation` is "typed" (the target's name). */
  confirmation_text?: string;
  expected_result: string;
  failure_path: string;
  evidence: string[];
  cancellable: boolean;
  steps: Array<{ name: string; title: string }>;
  preconditions: OperationPrecondition[];
  permitted: boolean;
  not_permitted_reason: string | null;
  /** Permitted and every precondition met. */
  available: boolean;
}

export interface OperationCatalog {
  target: CatalogTarget;
  operations: CatalogOperation[];
}

export interface OperationStep {
  name: string;
  title: string;
  state: StepState;
}

export interface OperationEvent {
  seq: number;
  at: string;
  type: string;
  stage: string;
  attempt: number;
  message: string;
}

export interface OperationError {
  code: string;
  message: string;
}

/** A row of GET /operations. */
export interface OperationSummary {
  id: string;
  kind: string;
  target: { type: string; id: string; name: string };
  project_id: string | null;
  tenant_id: string | null;
  state: OperationState;
  stage: string;
  step_index: number;
  step_count: number;
  attempt: number;
  max_attempts: number;
  cancel_requested: boolean;
  requester: { type: string; id: string; label: string };
  request_id: string;
  result: unknown;
  error: OperationError | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

/** GET /operations/{id}: the summary plus steps, timeline and where its evidence lives. */
export interface OperationView extends OperationSummary {
  title: string;
  params?: unknown;
  intent?: OperationIntent;
  danger?: OperationDanger;
  cancellable?: boolean;
  steps: OperationStep[];
  timeline: OperationEvent[];
  evidence: {
    /** API path of the audit rows of the starting request, e.g. /api/v1/audit?request_id=… */
    audit: string;
    /** API path of the target's activity stream. */
    activity: string;
    /** Console path of the target, when it still resolves. */
    target: string | null;
  };
}

export const INTENT_ORDER: readonly OperationIntent[] = [
  'inspect',
  'setup',
  'update',
  'maintenance',
  'recovery',
  'destructive',
];

export const INTENT_LABELS: Record<OperationIntent, string> = {
  inspect: 'Inspect',
  setup: 'Set up',
  update: 'Update',
  maintenance: 'Maintenance',
  recovery: 'Recovery',
  destructive: 'Destructive',
};

const TERMINAL: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

export function isTerminal(state: string): boolean {
  return TERMINAL.has(state);
}

/** API path of a target's catalogue. */
export function cataloguePath(target: OperationTargetRef): string {
  switch (target.type) {
    case 'platform':
      return '/platform/operations';
    case 'token':
      return `/tokens/${seg(target.id)}/operations`;
    case 'user':
      return `/users/${seg(target.id)}/operations`;
    case 'project':
      return `/projects/${seg(target.id)}/operations`;
    case 'tenant':
      return `/tenants/${seg(target.id)}/operations`;
    default:
      return `/${seg(target.type)}s/${seg(target.id)}/operations`;
  }
}

export function getCatalogue(target: OperationTargetRef, signal?: AbortSignal) {
  return apiRequest<OperationCatalog>(cataloguePath(target), { signal });
}

export interface StartOperationInput {
  kind: string;
  target: OperationTargetRef;
  params?: Record<string, unknown>;
  /** "confirm", or the typed target name; omitted when the kind needs none. */
  confirmation?: string;
}

/** POST /operations → 202 with the operation (queued). */
export function startOperation(input: StartOperationInput) {
  return apiRequest<OperationView>('/operations', {
    method: 'POST',
    body: {
      kind: input.kind,
      target: { type: input.target.type, id: input.target.id },
      ...(input.params && Object.keys(input.params).length > 0 ? { params: input.params } : {}),
      ...(input.confirmation !== undefined ? { confirmation: input.confirmation } : {}),
    },
  });
}

export function getOperation(id: string, signal?: AbortSignal) {
  return apiRequest<OperationView>(`/operations/${seg(id)}`, { signal });
}

export function cancelOperation(id: string) {
  return apiRequest<OperationView>(`/operations/${seg(id)}/cancel`, { method: 'POST' });
}

export function retryOperation(id: string) {
  return apiRequest<OperationView>(`/operations/${seg(id)}/retry`, { method: 'POST' });
}

export interface OperationFilters {
  target_type?: string;
  target_id?: string;
  state?: OperationState;
  kind?: string;
}

export function listOperations(
  filters: OperationFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = 25,
) {
  return apiRequest<Page<OperationSummary>>('/operations', {
    signal,
    query: { ...filters, cursor: cursor ?? undefined, limit },
  });
}

/** Console path of an operation's page. */
export function operationPath(id: string) {
  return `/operations/${encodeURIComponent(id)}`;
}

/**
 * The console page behind an evidence API path: /api/v1/audit?request_id=X
 * becomes /evidence?request_id=X. Null for anything else.
 */
export function auditPageFor(apiPath: string): string | null {
  const match = /^\/api\/v1\/audit(\?.*)?$/.exec(apiPath);
  if (!match) return null;
  return `/evidence${match[1] ?? ''}`;
}
