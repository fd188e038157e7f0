#pragma once

#include <cstdint>
#include <string_view>

#include "shared/result.hpp"
#include "store/value.hpp"

namespace gpuaas::store {

enum class Dialect { kSqlite, kPostgres };

// One transaction (or, for reads, one consistent connection). Repositories write portable
// SQL with `?` placeholders; the Postgres backend rewrites them to $1, $2, ...
// Constraint violations come back as `conflict`, lost connections as `unavailable`.
class Session {
 public:
  virtual ~Session() = default;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  // Runs a statement; returns the number of rows it changed.
  virtual Result<std::int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;
};

}  // namespace gpuaas::store
