/**
 * Shapes of the identity, tenancy, access and evidence API (api/v1), as
 * named aliases of the schemas generated from api/openapi.json
 * (schema.gen.ts, `npm run gen:api`). Do not write shapes by hand here: fix
 * openapi.json and regenerate. Times are RFC 3339 strings in UTC; they are
 * formatted for display in src/format.ts.
 */
import type { components } from './schema.gen';

type S = components['schemas'];

export type User = S['User'];

/** Body of GET /auth/session, POST /auth/login and POST /auth/signup. */
export type AuthSession = S['AuthSession'];
export type SessionInfo = AuthSession['session'];
export type AuthConfig = S['AuthConfig'];

export type TenantRole = NonNullable<S['Tenant']['role']>;
export type ProjectRole = S['ServiceAccount']['role'];
export type MemberRole = S['Member']['role'];

/** A tenant of GET /users/me; `role` is "" (not null) when none is recorded. */
export type TenantMembership = S['Me']['tenants'][number];
/** A project of GET /users/me; `role` is "" (not null) when none. */
export type ProjectMembership = S['Me']['projects'][number];
export type Me = S['Me'];

/** A console session of GET /users/me/sessions. */
export type UserSession = S['ConsoleSession'];
export type SshKey = S['SshKey'];

export type TokenScope = S['Token']['scopes'][number];
export type Token = S['Token'];
/** 201 body when a token is created: the secret exists only in this response. */
export type CreatedToken = S['CreatedToken'];

export type Tenant = S['Tenant'];
export type Project = S['Project'];
export type Member = S['Member'];
export type ServiceAccount = S['ServiceAccount'];

/** GET /projects/{id}/quota. */
export type ProjectQuota = S['QuotaHeadroom'];
export type QuotaLine = ProjectQuota['resources'][number];
export type QuotaResource = QuotaLine['resource'];
export type QuotaSource = QuotaLine['source'];

/** Body of PUT /quotas/platform and /quotas/{scope}/{id}; null = unlimited. */
export type QuotaLimits = S['QuotaLimits'];
/** A stored quota rule (the answer of the PUTs, and the overrides of GET /quotas). */
export type QuotaRule = S['QuotaRule'];
export type QuotaOverride = QuotaRule;
/** GET /quotas (platform admins). */
export type QuotaSettings = S['QuotaPolicy'];

export type EntitlementRule = S['EntitlementSetting'];
export type EntitlementMode = EntitlementRule['mode'];
export type Entitlements = S['Entitlements'];
export type EntitlementRules = Pick<Entitlements, 'skus' | 'apps'>;

export type AuditEvent = S['AuditEvent'];
export type AuditOutcome = AuditEvent['outcome'];

export type Notification = S['Notification'];
export type NotificationPage = S['NotificationPage'];
export type Activity = S['Activity'];

/** A cursor page (newest first); next_cursor is null on the last page. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Items<T> {
  items: T[];
}
