-- Compute (issue 7): the SKU catalog, workloads, the GPUs they hold and browser terminal tokens.
-- Times are RFC 3339 UTC text, except the queue order (*_us: integer microseconds since the epoch).

-- The Compute catalog. `regions` is space-separated; empty means every region. Prices are
-- integer micro-units of `currency` per hour of one unit.
CREATE TABLE skus (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  gpu_model TEXT NOT NULL,
  gpus INTEGER NOT NULL CHECK (gpus IN (1, 2, 4, 8)),
  vcpu INTEGER NOT NULL,
  memory_gib INTEGER NOT NULL,
  disk_gib INTEGER NOT NULL,
  hourly_price_micros BIGINT NOT NULL CHECK (hourly_price_micros >= 0),
  currency TEXT NOT NULL,
  regions TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'active', 'retired')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The seeded catalog: H100 slices of a standard 8-GPU node (what `--simulate-gpus 8xH100` offers),
-- plus A100 and L40S shapes for hosts that have them.
INSERT INTO skus VALUES
  ('sku_h100_1x', 'h100-1x', '1x H100 80GB', 'H100', 1, 24, 240, 1000, 2490000, 'USD', '', 'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
  ('sku_h100_2x', 'h100-2x', '2x H100 80GB', 'H100', 2, 48, 480, 2000, 4980000, 'USD', '', 'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
  ('sku_h100_4x', 'h100-4x', '4x H100 80GB', 'H100', 4, 96, 960, 4000, 9960000, 'USD', '', 'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
  ('sku_h100_8x', 'h100-8x', '8x H100 80GB (whole node)', 'H100', 8, 192, 1920, 8000, 19920000, 'USD', '', 'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
  ('sku_a100_1x', 'a100-1x', '1x A100 80GB', 'A100', 1, 16, 120, 500, 1290000, 'USD', '', 'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
  ('sku_a100_8x', 'a100-8x', '8x A100 80GB (whole node)', 'A100', 8, 128, 960, 4000, 10320000, 'USD', '', 'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
  ('sku_l40s_1x', 'l40s-1x', '1x L40S 48GB', 'L40S', 1, 8, 64, 250, 790000, 'USD', '', 'draft', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z');

-- One compute workload: a request for one SKU unit in a project, then its placement on a node.
-- `queue_us` orders the queue (FIFO within `priority`); a retry keeps it, so it never jumps ahead.
CREATE TABLE workloads (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects (id),
  tenant_id TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  owner_label TEXT NOT NULL,
  sku_id TEXT NOT NULL REFERENCES skus (id),
  gpus INTEGER NOT NULL,
  gpu_model TEXT NOT NULL,
  regions TEXT NOT NULL,
  hourly_price_micros BIGINT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  queue_us BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('requested', 'queued', 'provisioning', 'active', 'releasing', 'released',
                                       'failed', 'release_failed')),
  state_reason TEXT,
  queue_reason TEXT,
  node_id TEXT,
  first_gpu INTEGER,
  ssh_keys TEXT NOT NULL,       -- JSON array of {"fingerprint", "public_key"} given at launch
  connection TEXT,              -- JSON: what the agent reported once provisioned
  requested_at TEXT NOT NULL,
  queued_at TEXT,
  provisioning_at TEXT,
  active_at TEXT,
  releasing_at TEXT,
  released_at TEXT,
  failed_at TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX workloads_by_project ON workloads (project_id, created_at);
CREATE INDEX workloads_by_state ON workloads (state, priority, queue_us);
CREATE INDEX workloads_by_node ON workloads (node_id, state);

-- The GPUs a workload holds. The primary key is what makes double-booking impossible, across
-- replicas too: two placements of one GPU cannot both commit.
CREATE TABLE gpu_claims (
  node_id TEXT NOT NULL,
  gpu_index INTEGER NOT NULL,
  workload_id TEXT NOT NULL REFERENCES workloads (id),
  project_id TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (node_id, gpu_index)
);
CREATE INDEX gpu_claims_by_workload ON gpu_claims (workload_id);
CREATE INDEX gpu_claims_by_project ON gpu_claims (project_id);
CREATE INDEX gpu_claims_by_owner ON gpu_claims (owner_id);

-- Single-use browser terminal tokens: only the SHA-256 of the secret is kept.
CREATE TABLE terminal_tokens (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  workload_id TEXT NOT NULL REFERENCES workloads (id),
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX terminal_tokens_by_workload ON terminal_tokens (workload_id);
