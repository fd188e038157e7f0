#pragma once

#include <memory>
#include <string>

#include "store/session.hpp"

struct sqlite3;

namespace gpuaas::store {

// One sqlite3 handle, closed on destruction. Statements are prepared per call and
// cached by SQL text, so hot queries are compiled once per connection.
class SqliteConnection final : public Session {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, Mode mode);
  SqliteConnection(sqlite3* db, std::string path);  // takes ownership of `db`
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  [[nodiscard]] Dialect dialect() const override { return Dialect::kSqlite; }
  Result<std::int64_t> Execute(std::string_view sql, const Params& params) override;
  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Status ExecuteScript(std::string_view sql) override;

 private:
  struct StatementCache;
  Error ErrorFrom(int code, std::string_view sql) const;

  sqlite3* db_;
  std::string path_;
  std::unique_ptr<StatementCache> statements_;
};

}  // namespace gpuaas::store
