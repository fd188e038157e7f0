-- Fleet (issue 6): the platform CA, sites, bootstrap tokens, nodes, their certificates and the
-- tasks the server sends to agents. Times are RFC 3339 UTC text except the liveness column the
-- offline detector compares in SQL (*_us: integer microseconds since the epoch).

-- One row: the platform CA. The private key is sealed (libsodium secretbox) under the key
-- from the server's secrets key file; only its certificate leaves the server.
CREATE TABLE platform_ca (
  id TEXT PRIMARY KEY,
  cert_pem TEXT NOT NULL,
  sealed_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  not_after TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  region TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- One-time enrollment credentials. Only the SHA-256 of the secret is kept; the text is shown
-- once. purpose = reenroll binds the token to an existing node, which keeps its identity.
CREATE TABLE bootstrap_tokens (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  site_id TEXT NOT NULL REFERENCES sites (id),
  profile TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('enroll', 'reenroll')),
  node_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX bootstrap_tokens_by_created ON bootstrap_tokens (created_at);

CREATE TABLE nodes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  hostname TEXT NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  profile TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('enrolling', 'online', 'offline', 'cordoned', 'draining', 'retired')),
  -- What the operator asked for, kept apart from liveness: a cordoned node that drops off is
  -- offline, and cordoned again when it returns.
  scheduling TEXT NOT NULL CHECK (scheduling IN ('schedulable', 'cordoned', 'draining')),
  connected INTEGER NOT NULL DEFAULT 0,
  connected_since TEXT,
  connection_owner TEXT,
  last_heartbeat_us BIGINT,
  simulated INTEGER NOT NULL DEFAULT 0,
  gpu_model TEXT,
  gpu_count INTEGER NOT NULL DEFAULT 0,
  agent_version TEXT,
  inventory TEXT,
  inventory_at TEXT,
  telemetry TEXT,
  telemetry_at TEXT,
  cert_serial TEXT,
  cert_fingerprint TEXT,
  cert_not_before TEXT,
  cert_not_after TEXT,
  last_renewal_at TEXT,
  last_renewal_error TEXT,
  enrolled_at TEXT NOT NULL,
  retired_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX nodes_by_state ON nodes (state, id);
CREATE INDEX nodes_by_site ON nodes (site_id, id);
CREATE INDEX nodes_live ON nodes (last_heartbeat_us) WHERE connected = 1;

-- Every certificate issued to a node, so a revoked serial is refused at once.
CREATE TABLE node_certificates (
  serial TEXT PRIMARY KEY,
  node_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  public_key_fingerprint TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT,
  revoke_reason TEXT
);
CREATE INDEX node_certificates_by_node ON node_certificates (node_id, issued_at);

-- Work the server asks of an agent. Durable so that a task survives a server restart and any
-- replica holding the node's connection can deliver it.
CREATE TABLE node_tasks (
  id TEXT PRIMARY KEY,
  node_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  operation_id TEXT,
  kind TEXT NOT NULL,
  params TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'running', 'succeeded', 'failed', 'expired')),
  result TEXT NOT NULL,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX node_tasks_by_node ON node_tasks (node_id, created_at);
CREATE INDEX node_tasks_pending ON node_tasks (node_id) WHERE state = 'queued';
CREATE UNIQUE INDEX node_tasks_by_operation ON node_tasks (operation_id, kind) WHERE operation_id IS NOT NULL;
