import { ApiError, api, data } from './client';
import type { components } from './schema.gen';
import type { Page } from './types';

/**
 * The operations engine (api/v1/operations): each lifecycle change of a
 * resource is a durable operation with steps, a timeline and evidence. A
 * target's catalogue says which operations exist for it, whether the caller
 * may start them and which preconditions hold right now. The shapes are the
 * generated schemas of api/openapi.json.
 */

type S = components['schemas'];

/** GET /{target}/operations: the operations a target offers, evaluated now for the caller. */
export type OperationCatalog = S['OperationCatalog'];
export type CatalogOperation = OperationCatalog['operations'][number];
/** The catalogue's target; `name` is what a typed confirmation repeats, `link` its console path. */
export type CatalogTarget = OperationCatalog['target'];
export type OperationPrecondition = CatalogOperation['preconditions'][number];

export type OperationIntent = CatalogOperation['intent'];
export type OperationDanger = CatalogOperation['danger'];
export type ConfirmationMode = CatalogOperation['confirmation'];

/** A row of GET /operations. */
export type OperationSummary = S['Operation'];
export type OperationState = OperationSummary['state'];
export type OperationError = NonNullable<OperationSummary['error']>;

/** GET /operations/{id}: the summary plus steps, timeline and where its evidence lives. */
export type OperationView = S['OperationView'];
export type OperationStep = OperationView['steps'][number];
export type StepState = OperationStep['state'];
export type OperationEvent = OperationView['timeline'][number];

/** What an operation acts on; the console opens catalogues for these. */
export type OperationTargetType = CatalogTarget['type'];

export interface OperationTargetRef {
  type: OperationTargetType | (string & {});
  id: string;
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

/** API path (under /api/v1) of a target's catalogue. */
export function cataloguePath(target: OperationTargetRef): string {
  const id = encodeURIComponent(target.id);
  switch (target.type) {
    case 'platform':
      return '/platform/operations';
    case 'token':
      return `/tokens/${id}/operations`;
    case 'user':
      return `/users/${id}/operations`;
    case 'project':
      return `/projects/${id}/operations`;
    case 'tenant':
      return `/tenants/${id}/operations`;
    case 'node':
      return `/nodes/${id}/operations`;
    default:
      return `/${encodeURIComponent(target.type)}s/${id}/operations`;
  }
}

export function getCatalogue(target: OperationTargetRef, signal?: AbortSignal): Promise<OperationCatalog> {
  switch (target.type) {
    case 'platform':
      return data(api.GET('/api/v1/platform/operations', { signal }));
    case 'token':
      return data(api.GET('/api/v1/tokens/{token_id}/operations', { params: { path: { token_id: target.id } }, signal }));
    case 'user':
      return data(api.GET('/api/v1/users/{user_id}/operations', { params: { path: { user_id: target.id } }, signal }));
    case 'project':
      return data(
        api.GET('/api/v1/projects/{project_id}/operations', { params: { path: { project_id: target.id } }, signal }),
      );
    case 'tenant':
      return data(
        api.GET('/api/v1/tenants/{tenant_id}/operations', { params: { path: { tenant_id: target.id } }, signal }),
      );
    case 'node':
      return data(api.GET('/api/v1/nodes/{node_id}/operations', { params: { path: { node_id: target.id } }, signal }));
    default:
      return Promise.reject(
        new ApiError({
          code: 'not_found',
          message: `This console has no operations catalogue for ${target.type} targets.`,
          status: 404,
        }),
      );
  }
}

export interface StartOperationInput {
  kind: string;
  target: OperationTargetRef;
  params?: Record<string, unknown>;
  /** "confirm", or the typed target name; omitted when the kind needs none. */
  confirmation?: string;
}

/** POST /operations → 202 with the operation (queued). */
export function startOperation(input: StartOperationInput): Promise<OperationView> {
  return data(
    api.POST('/api/v1/operations', {
      body: {
        kind: input.kind,
        target: { type: input.target.type, id: input.target.id },
        ...(input.params && Object.keys(input.params).length > 0 ? { params: input.params } : {}),
        ...(input.confirmation !== undefined ? { confirmation: input.confirmation } : {}),
      },
    }),
  );
}

export function getOperation(id: string, signal?: AbortSignal): Promise<OperationView> {
  return data(api.GET('/api/v1/operations/{operation_id}', { params: { path: { operation_id: id } }, signal }));
}

export function cancelOperation(id: string): Promise<OperationView> {
  return data(api.POST('/api/v1/operations/{operation_id}/cancel', { params: { path: { operation_id: id } } }));
}

export function retryOperation(id: string): Promise<OperationView> {
  return data(api.POST('/api/v1/operations/{operation_id}/retry', { params: { path: { operation_id: id } } }));
}

export interface OperationFilters {
  target_type?: string;
  target_id?: string;
  state?: OperationState;
  kind?: string;
  requester_id?: string;
}

export function listOperations(
  filters: OperationFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = 25,
): Promise<Page<OperationSummary>> {
  return data(api.GET('/api/v1/operations', { params: { query: { ...filters, cursor: cursor ?? undefined, limit } }, signal }));
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
