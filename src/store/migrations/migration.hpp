#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace gpuaas::store {

// One versioned schema change from migrations/NNNN_name.sql, compiled into the binary.
// The same SQL runs on SQLite and PostgreSQL: migrations use the common subset (TEXT,
// BIGINT, DOUBLE PRECISION, ON CONFLICT, no AUTOINCREMENT/SERIAL).
struct Migration {
  std::int64_t version;
  std::string_view name;
  std::string_view sql;
};

// Every migration of this build, ordered by version (generated from migrations/).
std::span<const Migration> EmbeddedMigrations();

}  // namespace gpuaas::store
