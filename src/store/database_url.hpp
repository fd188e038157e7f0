#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::store {

// `sqlite:PATH` (relative or absolute file path) or `postgres://...` / `postgresql://...`
// (a libpq connection URI).
struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string location;  // the file path, or the libpq URI

  static Result<DatabaseUrl> Parse(std::string_view text);
  // For logs: the URL with any password replaced by ***.
  [[nodiscard]] std::string Redacted() const;
};

}  // namespace gpuaas::store
