#include "store/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <unordered_map>

namespace gpuaas::store {

struct SqliteConnection::StatementCache {
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, Finalize>> by_sql;
};

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Resets a cached statement however the call that used it ends.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* statement) : statement_(statement) {}
  ~StatementReset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* statement_;
};

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path, Mode mode) {
  sqlite3* db = nullptr;
  const int flags = (mode == Mode::kReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Error::Unavailable("cannot open database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto connection = std::make_unique<SqliteConnection>(db, path);
  // Money and audit live here: every commit is durable (synchronous=FULL), even in WAL mode.
  const char* pragmas = mode == Mode::kReadWrite
                            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                            : "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;";
  GPUAAS_RETURN_IF_ERROR(connection->ExecuteScript(pragmas));
  return connection;
}

SqliteConnection::SqliteConnection(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), statements_(std::make_unique<StatementCache>()) {}

SqliteConnection::~SqliteConnection() {
  statements_.reset();  // statements must be finalized before the handle closes
  sqlite3_close(db_);
}

Error SqliteConnection::ErrorFrom(int code, std::string_view sql) const {
  const std::string detail = std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql.substr(0, 200));
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT: return Error(ErrorCode::kConflict, "the change conflicts with existing data", detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN: return Error::Unavailable("the database is unavailable", detail);
    case SQLITE_READONLY: return Error::Internal("write on a read-only connection: " + detail);
    default: return Error::Internal("sqlite: " + detail);
  }
}

Result<std::int64_t> SqliteConnection::Execute(std::string_view sql, const Params& params) {
  GPUAAS_ASSIGN_OR_RETURN(auto rows, Query(sql, params));
  return static_cast<std::int64_t>(sqlite3_changes(db_));
}

Result<Rows> SqliteConnection::Query(std::string_view sql, const Params& params) {
  auto& slot = statements_->by_sql[std::string(sql)];
  if (!slot) {
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (rc != SQLITE_OK) {
      statements_->by_sql.erase(std::string(sql));
      return ErrorFrom(rc, sql);
    }
    slot.reset(statement);
  }
  sqlite3_stmt* statement = slot.get();
  const StatementReset reset(statement);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            sqlite3_bind_null(statement, index);
          else if constexpr (std::is_same_v<T, std::int64_t>)
            sqlite3_bind_int64(statement, index, value);
          else if constexpr (std::is_same_v<T, double>)
            sqlite3_bind_double(statement, index, value);
          else
            sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        },
        params[i]);
  }
  Rows rows;
  const int columns = sqlite3_column_count(statement);
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return ErrorFrom(rc, sql);
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER: values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, c))); break;
        case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(statement, c)); break;
        case SQLITE_NULL: values.emplace_back(std::monostate{}); break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
          values.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, c))));
        }
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    sqlite3_free(message);
    return ErrorFrom(rc, sql);
  }
  return Ok();
}

}  // namespace gpuaas::store
