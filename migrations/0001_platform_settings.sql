-- Key/value settings of this installation (installation identity now; the operator setup
-- checklist later). `version` is the optimistic-concurrency counter of each setting.
CREATE TABLE platform_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
