#include "store/migrations/migration_runner.hpp"

#include "shared/rfc3339.hpp"

namespace gpuaas::store {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectApplied = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kSelectVersion = "SELECT 1 FROM schema_migrations WHERE version = ?";
constexpr std::string_view kInsertVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";
// Any constant works; it only has to be the same in every replica.
constexpr std::string_view kAdvisoryLock = "SELECT pg_advisory_xact_lock(7240512001)";

}  // namespace

Result<int> MigrationRunner::Apply() {
  GPUAAS_RETURN_IF_ERROR(database_.Write([](Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(session.ExecuteScript(kCreateTable));
    return Ok();
  }));
  GPUAAS_ASSIGN_OR_RETURN(const auto state, State());
  if (state.applied > state.latest) {
    return Error(ErrorCode::kFailedPrecondition, "the database schema is at version " + std::to_string(state.applied) +
                                                     ", newer than this binary knows (" + std::to_string(state.latest) +
                                                     "); upgrade gpuaas-server");
  }
  int applied = 0;
  for (const auto& migration : migrations_) {
    bool ran = false;
    auto outcome = database_.Write([&](Session& session) -> Status {
      if (session.dialect() == Dialect::kPostgres) GPUAAS_RETURN_IF_ERROR(session.Query(kAdvisoryLock));
      GPUAAS_ASSIGN_OR_RETURN(const auto present, session.Query(kSelectVersion, {migration.version}));
      if (!present.empty()) return Ok();
      if (auto script = session.ExecuteScript(migration.sql); !script) {
        return Error::Internal("migration " + std::to_string(migration.version) + "_" + std::string(migration.name) +
                               " failed: " + script.error().internal());
      }
      GPUAAS_RETURN_IF_ERROR(session.Execute(
          kInsertVersion, {migration.version, std::string(migration.name), FormatRfc3339(clock_.Now())}));
      ran = true;
      return Ok();
    });
    GPUAAS_RETURN_IF_ERROR(outcome);
    applied += ran ? 1 : 0;
  }
  return applied;
}

Result<MigrationState> MigrationRunner::State() {
  MigrationState state;
  state.latest = migrations_.empty() ? 0 : migrations_.back().version;
  GPUAAS_RETURN_IF_ERROR(database_.Read([&](Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto exists,
                            session.Query(session.dialect() == Dialect::kSqlite
                                              ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                                                "'schema_migrations'"
                                              : "SELECT 1 FROM information_schema.tables WHERE table_name = "
                                                "'schema_migrations' AND table_schema = current_schema()"));
    if (exists.empty()) return Ok();
    GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(kSelectApplied));
    state.applied = rows.at(0).Int(0);
    return Ok();
  }));
  return state;
}

}  // namespace gpuaas::store
