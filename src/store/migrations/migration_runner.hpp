#pragma once

#include <cstdint>
#include <span>

#include "shared/clock.hpp"
#include "store/database.hpp"
#include "store/migrations/migration.hpp"

namespace gpuaas::store {

struct MigrationState {
  std::int64_t applied = 0;  // highest version recorded in schema_migrations
  std::int64_t latest = 0;   // highest version this binary knows
  [[nodiscard]] bool current() const { return applied == latest; }
};

// Applies migrations in order, each in its own transaction together with its
// schema_migrations row, so a crash leaves the schema at a whole version. On PostgreSQL a
// transaction-scoped advisory lock lets several replicas start at once safely.
class MigrationRunner {
 public:
  MigrationRunner(Database& database, const Clock& clock, std::span<const Migration> migrations)
      : database_(database), clock_(clock), migrations_(migrations) {}

  // Returns how many migrations were applied now. Refuses a database newer than the binary.
  Result<int> Apply();
  Result<MigrationState> State();

 private:
  Database& database_;
  const Clock& clock_;
  std::span<const Migration> migrations_;
};

}  // namespace gpuaas::store
