-- Operations engine, outbox, activity streams and notifications (issue 4).
-- Times the runner compares in SQL are integer microseconds since the epoch (*_us); times
-- shown to people are RFC 3339 text like everywhere else.

-- One row per lifecycle operation. The lease (lease_owner, lease_expires_us) says which
-- runner holds it; lease_owner is unique per claim, so a step commits only while its
-- runner still holds the lease (fencing).
CREATE TABLE operations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  target_name TEXT NOT NULL,
  project_id TEXT,
  tenant_id TEXT,
  params TEXT NOT NULL,
  requester_type TEXT NOT NULL,
  requester_id TEXT NOT NULL,
  requester_label TEXT NOT NULL,
  request_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  stage TEXT NOT NULL,
  step_index INTEGER NOT NULL,
  step_count INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  next_run_us BIGINT NOT NULL,
  lease_owner TEXT,
  lease_expires_us BIGINT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  result TEXT,
  error_code TEXT,
  error_message TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX operations_due ON operations (next_run_us) WHERE state IN ('queued', 'running');
CREATE INDEX operations_by_target ON operations (target_type, target_id, id);
CREATE INDEX operations_by_requester ON operations (requester_id, id);

-- The timeline of an operation: every stage change, retry, cancel and outcome.
CREATE TABLE operation_events (
  operation_id TEXT NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  occurred_at TEXT NOT NULL,
  type TEXT NOT NULL,
  stage TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (operation_id, seq)
);

-- What the platform self-test operation's steps did, one row per committed step: the
-- crash test counts them to prove no step's effect happened twice.
CREATE TABLE operation_selftest_marks (
  operation_id TEXT NOT NULL,
  step_index INTEGER NOT NULL,
  marked_at TEXT NOT NULL
);
CREATE INDEX operation_selftest_marks_by_operation ON operation_selftest_marks (operation_id);

-- Domain events written in the transaction of the change that caused them. seq is taken
-- under the evidence lock, so it is also commit order; the dispatcher delivers in seq order.
CREATE TABLE outbox_events (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  project_id TEXT,
  tenant_id TEXT,
  actor_label TEXT NOT NULL,
  payload TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  dispatched_at TEXT
);
CREATE INDEX outbox_events_pending ON outbox_events (seq) WHERE dispatched_at IS NULL;

-- One row per (consumer, event) handled: how consumers deduplicate redelivered events.
CREATE TABLE outbox_receipts (
  consumer TEXT NOT NULL,
  event_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (consumer, event_id)
);

-- The activity stream of every resource, newest first by seq (the outbox event's seq).
CREATE TABLE activity (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  project_id TEXT,
  tenant_id TEXT,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  actor_label TEXT NOT NULL,
  outcome TEXT NOT NULL,
  operation_id TEXT,
  audit_id TEXT,
  event_id TEXT NOT NULL,
  occurred_at TEXT NOT NULL
);
CREATE INDEX activity_by_resource ON activity (resource_type, resource_id, seq);

-- Each user's inbox. Written only by the outbox dispatcher (one at a time), so seq order
-- is commit order and a reconnecting client resumes after the last seq it saw.
CREATE TABLE notifications (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  event_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  -- Deleting hides a notification; the row stays so seq is never reused.
  deleted_at TEXT,
  UNIQUE (user_id, event_id)
);
CREATE INDEX notifications_by_user ON notifications (user_id, seq);

-- Leadership of the workers that must run on one replica at a time (the outbox dispatcher):
-- a lease renewed by its holder and taken over when it expires.
CREATE TABLE worker_leases (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_us BIGINT NOT NULL
);
