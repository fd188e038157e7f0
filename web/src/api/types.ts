/**
 * Shapes of the identity, tenancy, access and evidence API (api/v1). Times are
 * RFC 3339 strings in UTC; they are formatted for display in src/format.ts.
 */

export interface User {
  id: string;
  email: string;
  display_name: string;
  platform_admin: boolean;
  status: 'active' | 'disabled';
  locked_until: string | null;
  created_at: string;
}

export interface SessionInfo {
  id: string;
  created_at: string;
  expires_at: string;
}

/** Body of GET /auth/session, POST /auth/login and POST /auth/signup. */
export interface AuthSession {
  user: User;
  session: SessionInfo;
  csrf_token: string;
}

export interface AuthConfig {
  signup_enabled: boolean;
}

export type TenantRole = 'owner' | 'admin' | 'member';
export type ProjectRole = 'admin' | 'member' | 'viewer';
export type MemberRole = TenantRole | ProjectRole;

export interface TenantMembership {
  id: string;
  name: string;
  personal: boolean;
  role: TenantRole;
}

export interface ProjectMembership {
  id: string;
  tenant_id: string;
  tenant_name: string;
  name: string;
  role: ProjectRole;
}

export interface Me {
  user: User;
  tenants: TenantMembership[];
  projects: ProjectMembership[];
}

export interface UserSession {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
  current: boolean;
}

export interface SshKey {
  id: string;
  name: string;
  key_type: string;
  bits: number;
  fingerprint: string;
  comment: string;
  created_at: string;
}

export type TokenScope = 'read' | 'write';

export interface Token {
  id: string;
  name: string;
  kind: 'personal' | 'service_account';
  prefix: string;
  scopes: TokenScope[];
  expires_at: string | null;
  last_used_at: string | null;
  created_at: string;
  revoked_at: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** 201 body when a token is created: the secret exists only in this response. */
export interface CreatedToken {
  token: Token;
  secret: string;
}

export interface Tenant {
  id: string;
  name: string;
  personal: boolean;
  role: TenantRole | null;
  created_at: string;
}

export interface Project {
  id: string;
  tenant_id: string;
  tenant_name: string;
  name: string;
  role: ProjectRole | null;
  created_at: string;
}

export interface Member {
  user_id: string;
  email: string;
  display_name: string;
  role: MemberRole;
  created_at: string;
}

export interface ServiceAccount {
  id: string;
  project_id: string;
  name: string;
  role: ProjectRole;
  created_at: string;
  tokens: Token[];
}

export type QuotaResource = 'gpus' | 'workloads';
export type QuotaSource = 'platform_default' | 'project_override' | 'user_override';

export interface QuotaLine {
  resource: QuotaResource;
  used: number;
  /** null = unlimited */
  limit: number | null;
  headroom: number | null;
  source: QuotaSource;
}

export interface ProjectQuota {
  project_id: string;
  resources: QuotaLine[];
}

export interface QuotaLimits {
  max_gpus: number | null;
  max_workloads: number | null;
}

export interface QuotaOverride extends QuotaLimits {
  scope: 'project' | 'user';
  scope_id: string;
  updated_at: string;
}

export interface QuotaSettings {
  platform: QuotaLimits;
  overrides: QuotaOverride[];
}

export type EntitlementMode = 'all_active' | 'allow_list';

export interface EntitlementRule {
  mode: EntitlementMode;
  allowed: string[];
}

export interface EntitlementRules {
  skus: EntitlementRule;
  apps: EntitlementRule;
}

export interface Entitlements extends EntitlementRules {
  project_id: string;
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEvent {
  id: string;
  occurred_at: string;
  actor_type: 'user' | 'service_account' | 'anonymous' | 'system';
  actor_id: string;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  project_id: string | null;
  tenant_id: string | null;
  request_id: string;
  client_ip: string;
  outcome: AuditOutcome;
  metadata: Record<string, string>;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Items<T> {
  items: T[];
}
