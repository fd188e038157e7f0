import { api, data } from './client';
import type { components } from './schema.gen';
import type { Items } from './types';

/**
 * The fleet (api/v1 sites, node-profiles, bootstrap-tokens, nodes) and the
 * platform setup checklist, platform admins only. Shapes are the generated
 * schemas of api/openapi.json.
 */

type S = components['schemas'];

export type Site = S['Site'];
export type NewSite = S['NewSiteRequest'];
export type NodeProfile = S['NodeProfile'];
export type ProfileId = NodeProfile['id'];
export type BootstrapToken = S['BootstrapToken'];
export type BootstrapTokenState = BootstrapToken['state'];
export type NewBootstrapToken = S['NewBootstrapTokenRequest'];
/** 201 body of POST /bootstrap-tokens: the secret and the command exist only here. */
export type CreatedBootstrapToken = S['CreatedBootstrapToken'];
export type OnboardingProgress = S['OnboardingProgress'];
export type BootstrapTokenStatus = S['BootstrapTokenStatus'];
export type HostInventory = S['HostInventory'];
export type GpuInfo = S['GpuInfo'];
export type NodeSummary = S['NodeSummary'];
export type NodeState = NodeSummary['state'];
export type CertificateState = NodeSummary['certificate']['state'];
export type NodePage = S['NodePage'];
export type NodeCounts = NodePage['counts'];
export type NodeDetail = S['NodeDetail'];
export type NodeTelemetry = NodeDetail['telemetry'];
export type NodeSlot = NodeDetail['slots'][number];
export type NodeTask = S['NodeTask'];
export type SetupItem = S['SetupItem'];
export type SetupState = SetupItem['state'];

export const NODE_STATES: readonly NodeState[] = ['enrolling', 'online', 'offline', 'cordoned', 'draining', 'retired'];

/** GET /nodes filters; empty values are left out of the query. */
export interface NodeFilters {
  state?: NodeState | '';
  site_id?: string;
  gpu_model?: string;
  q?: string;
}

export const NODE_PAGE_SIZE = 50;

export function listSites(signal?: AbortSignal): Promise<Items<Site>> {
  return data(api.GET('/api/v1/sites', { signal }));
}

export function createSite(body: NewSite): Promise<Site> {
  return data(api.POST('/api/v1/sites', { body }));
}

export function listNodeProfiles(signal?: AbortSignal): Promise<Items<NodeProfile>> {
  return data(api.GET('/api/v1/node-profiles', { signal }));
}

export function listBootstrapTokens(state?: BootstrapTokenState, signal?: AbortSignal): Promise<Items<BootstrapToken>> {
  return data(api.GET('/api/v1/bootstrap-tokens', { params: { query: { state } }, signal }));
}

export function createBootstrapToken(body: NewBootstrapToken): Promise<CreatedBootstrapToken> {
  return data(api.POST('/api/v1/bootstrap-tokens', { body }));
}

export function getBootstrapToken(id: string, signal?: AbortSignal): Promise<BootstrapTokenStatus> {
  return data(api.GET('/api/v1/bootstrap-tokens/{token_id}', { params: { path: { token_id: id } }, signal }));
}

export function revokeBootstrapToken(id: string): Promise<void> {
  return data(api.DELETE('/api/v1/bootstrap-tokens/{token_id}', { params: { path: { token_id: id } } }));
}

export function listNodes(
  filters: NodeFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = NODE_PAGE_SIZE,
): Promise<NodePage> {
  const query = {
    state: filters.state || undefined,
    site_id: filters.site_id || undefined,
    gpu_model: filters.gpu_model || undefined,
    q: filters.q?.trim() || undefined,
    cursor: cursor ?? undefined,
    limit,
  };
  return data(api.GET('/api/v1/nodes', { params: { query }, signal }));
}

export function getNode(id: string, signal?: AbortSignal): Promise<NodeDetail> {
  return data(api.GET('/api/v1/nodes/{node_id}', { params: { path: { node_id: id } }, signal }));
}

export function listNodeTasks(id: string, signal?: AbortSignal): Promise<Items<NodeTask>> {
  return data(api.GET('/api/v1/nodes/{node_id}/tasks', { params: { path: { node_id: id } }, signal }));
}

export function getPlatformSetup(signal?: AbortSignal): Promise<Items<SetupItem>> {
  return data(api.GET('/api/v1/platform/setup', { signal }));
}

/** Console path of a node's page. */
export function nodePath(id: string) {
  return `/platform/nodes/${encodeURIComponent(id)}`;
}

/** The onboarding wizard, optionally at a step and following a token. */
export function onboardPath(step?: number, tokenId?: string) {
  const params = new URLSearchParams();
  if (step) params.set('step', String(step));
  if (tokenId) params.set('token', tokenId);
  const query = params.toString();
  return `/platform/nodes/onboard${query ? `?${query}` : ''}`;
}

/** The certificate needs attention: renewal due, expired, revoked or the last renewal failed. */
export function certificateNeedsAction(state: CertificateState): boolean {
  return state === 'renewal_due' || state === 'expired' || state === 'revoked';
}

/** Free-form error text (a string, or an {message} object from an older server). */
export function errorText(error: unknown): string | null {
  if (error === null || error === undefined || error === '') return null;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return JSON.stringify(error);
}
