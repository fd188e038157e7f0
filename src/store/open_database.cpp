#include "store/open_database.hpp"

#include <filesystem>

#include "store/postgres/pg_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace gpuaas::store {

Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseUrl& url, const StoreOptions& options) {
  if (url.dialect == Dialect::kPostgres) {
    GPUAAS_ASSIGN_OR_RETURN(auto database, PgDatabase::Open(url.location, PgOptions{options.pg_pool_size}));
    return std::unique_ptr<Database>(std::move(database));
  }
  const auto parent = std::filesystem::path(url.location).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Error::Unavailable("cannot create directory " + parent.string() + ": " + ec.message());
  SqliteOptions sqlite;
  sqlite.readers = options.sqlite_readers;
  GPUAAS_ASSIGN_OR_RETURN(auto database, SqliteDatabase::Open(url.location, sqlite));
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace gpuaas::store
