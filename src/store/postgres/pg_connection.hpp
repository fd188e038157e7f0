#pragma once

#include <memory>
#include <string>

#include "store/session.hpp"

struct pg_conn;

namespace gpuaas::store {

// One libpq connection, closed on destruction. Parameters go as text and PostgreSQL infers
// their types; `?` placeholders are rewritten to $n outside quoted strings.
class PgConnection final : public Session {
 public:
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& uri);
  explicit PgConnection(pg_conn* connection);  // takes ownership
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  [[nodiscard]] Dialect dialect() const override { return Dialect::kPostgres; }
  Result<std::int64_t> Execute(std::string_view sql, const Params& params) override;
  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Status ExecuteScript(std::string_view sql) override;

  // False once the server has gone away; the pool then replaces the connection.
  [[nodiscard]] bool healthy() const;

 private:
  struct Outcome {
    Rows rows;
    std::int64_t affected = 0;
  };
  Result<Outcome> Run(std::string_view sql, const Params& params);

  pg_conn* connection_;
};

// "SELECT ? , '?'" -> "SELECT $1 , '?'"
std::string RewritePlaceholders(std::string_view sql);

}  // namespace gpuaas::store
