-- Identity, tenancy and access. Times are RFC 3339 UTC text; booleans are 0/1 integers, so
-- the same statements run on SQLite and PostgreSQL.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,            -- lower-cased at the service boundary
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,           -- argon2id, libsodium's encoded form
  platform_admin INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active', -- active | disabled
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

-- Failed sign-in counters, keyed by the email typed (known or not), so throttling does not
-- reveal which accounts exist.
CREATE TABLE login_throttle (
  email TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  blocked_until TEXT,
  locked_until TEXT
);

CREATE TABLE console_sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX console_sessions_by_user ON console_sessions (user_id, created_at);

CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  personal INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE tenant_memberships (
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL, -- owner | admin | member
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_memberships_by_user ON tenant_memberships (user_id);

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, name)
);

CREATE TABLE project_memberships (
  project_id TEXT NOT NULL REFERENCES projects (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL, -- admin | member | viewer
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_memberships_by_user ON project_memberships (user_id);

CREATE TABLE service_accounts (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL, -- admin | member | viewer
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX service_accounts_by_project ON service_accounts (project_id);

-- Personal access tokens (user_id set) and service-account tokens (service_account_id set).
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL, -- personal | service_account
  user_id TEXT REFERENCES users (id),
  service_account_id TEXT REFERENCES service_accounts (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, -- SHA-256 of the secret; the secret itself is never stored
  prefix TEXT NOT NULL,            -- the first characters, to recognise a token in a list
  scopes TEXT NOT NULL,            -- space-separated: read write
  expires_at TEXT,
  last_used_at TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
CREATE INDEX api_tokens_by_service_account ON api_tokens (service_account_id);

CREATE TABLE ssh_keys (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  key_type TEXT NOT NULL,
  bits INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  public_key TEXT NOT NULL,
  comment TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, fingerprint)
);

-- Quota rules: one platform default (scope 'platform', scope_id ''), and overrides per
-- project or user. A NULL limit means unlimited.
CREATE TABLE quota_rules (
  scope TEXT NOT NULL, -- platform | project | user
  scope_id TEXT NOT NULL,
  max_gpus BIGINT,
  max_workloads BIGINT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (scope, scope_id)
);

-- Which SKUs and apps a project may use. No row means every active one.
CREATE TABLE project_entitlements (
  project_id TEXT NOT NULL REFERENCES projects (id),
  resource_kind TEXT NOT NULL, -- sku | app
  mode TEXT NOT NULL,          -- all_active | allow_list
  allowed TEXT NOT NULL,       -- space-separated references, for allow_list
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (project_id, resource_kind)
);

-- Stored replies of idempotent requests, scoped per principal.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL, -- SHA-256 of method, path and body
  state TEXT NOT NULL,       -- running | completed
  status INTEGER,
  content_type TEXT,
  body TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);

-- The append-only, hash-chained audit log. `seq` orders the chain; each row's hash covers
-- its fields and the previous row's hash, so an edited or deleted row breaks the chain.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  occurred_at TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_label TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  project_id TEXT,
  tenant_id TEXT,
  request_id TEXT NOT NULL,
  client_ip TEXT NOT NULL,
  outcome TEXT NOT NULL, -- allowed | denied | failed
  metadata TEXT NOT NULL, -- JSON object of safe strings
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_by_project ON audit_log (project_id, seq);
CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id, seq);
