#include "store/database_url.hpp"

#include "shared/redaction.hpp"

namespace gpuaas::store {

Result<DatabaseUrl> DatabaseUrl::Parse(std::string_view text) {
  if (text.starts_with("sqlite:")) {
    auto path = text.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty())
      return Error::InvalidArgument("database", "sqlite: needs a file path, e.g. sqlite:./var/gpuaas.db");
    if (path == ":memory:") {
      return Error::InvalidArgument("database",
                                    "in-memory SQLite cannot be shared by the writer and readers; use a file");
    }
    return DatabaseUrl{Dialect::kSqlite, std::string(path)};
  }
  if (text.starts_with("postgres://") || text.starts_with("postgresql://")) {
    return DatabaseUrl{Dialect::kPostgres, std::string(text)};
  }
  return Error::InvalidArgument("database", "expected sqlite:PATH or postgres://USER@HOST:PORT/DB");
}

std::string DatabaseUrl::Redacted() const {
  if (dialect == Dialect::kSqlite) return "sqlite:" + location;
  // postgres://user:password@host -> postgres://user:***@host
  const auto scheme_end = location.find("://") + 3;
  const auto at = location.find('@', scheme_end);
  if (at == std::string::npos) return location;
  const auto colon = location.find(':', scheme_end);
  if (colon == std::string::npos || colon > at) return location;
  return location.substr(0, colon + 1) + std::string(kRedacted) + location.substr(at);
}

}  // namespace gpuaas::store
