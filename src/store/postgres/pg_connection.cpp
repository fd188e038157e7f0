#include "store/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>

namespace gpuaas::store {
namespace {

// OIDs from pg_type.h (stable across PostgreSQL versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701;

struct ClearResult {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ClearResult>;

Error ErrorFrom(const PGresult* result, pg_conn* connection, std::string_view sql) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  const std::string detail =
      std::string(PQerrorMessage(connection)) + " [" + sqlstate + "] in: " + std::string(sql.substr(0, 200));
  if (PQstatus(connection) == CONNECTION_BAD || sqlstate.starts_with("08") || sqlstate.starts_with("57") ||
      sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") {
    return Error::Unavailable("the database is unavailable", detail);
  }
  if (sqlstate.starts_with("23")) return Error(ErrorCode::kConflict, "the change conflicts with existing data", detail);
  return Error::Internal("postgres: " + detail);
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int next = 1;
  char quote = 0;
  for (const char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(next++);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& uri) {
  pg_conn* raw = PQconnectdb(uri.c_str());
  auto connection = std::make_unique<PgConnection>(raw);
  if (raw == nullptr || PQstatus(raw) != CONNECTION_OK) {
    const std::string message = raw != nullptr ? PQerrorMessage(raw) : "out of memory";
    return Error::Unavailable("cannot connect to PostgreSQL", message);
  }
  // Quiet NOTICEs (e.g. "relation already exists, skipping") instead of printing to stderr.
  PQsetNoticeProcessor(
      raw, [](void*, const char*) {}, nullptr);
  GPUAAS_RETURN_IF_ERROR(connection->ExecuteScript("SET TIME ZONE 'UTC'"));
  return connection;
}

PgConnection::PgConnection(pg_conn* connection) : connection_(connection) {}

PgConnection::~PgConnection() { PQfinish(connection_); }

bool PgConnection::healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

Result<PgConnection::Outcome> PgConnection::Run(std::string_view sql, const Params& params) {
  const std::string statement = RewritePlaceholders(sql);
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            return;
          else if constexpr (std::is_same_v<T, std::string>)
            texts[i] = value;
          else
            texts[i] = std::to_string(value);
          values[i] = texts[i].c_str();
        },
        params[i]);
  }
  ResultPtr result(PQexecParams(connection_, statement.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                nullptr, nullptr, 0));
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorFrom(result.get(), connection_, sql);

  Outcome outcome;
  const char* affected = PQcmdTuples(result.get());
  outcome.affected = affected != nullptr && *affected != '\0' ? std::strtoll(affected, nullptr, 10) : 0;
  const int columns = PQnfields(result.get());
  const int count = PQntuples(result.get());
  outcome.rows.reserve(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) {
    std::vector<Value> row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c)) {
        row.emplace_back(std::monostate{});
        continue;
      }
      const char* text = PQgetvalue(result.get(), r, c);
      switch (PQftype(result.get(), c)) {
        case kBool: row.emplace_back(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0)); break;
        case kInt2:
        case kInt4:
        case kInt8:
        case kOid: row.emplace_back(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10))); break;
        case kFloat4:
        case kFloat8: row.emplace_back(std::strtod(text, nullptr)); break;
        default: row.emplace_back(std::string(text, static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
      }
    }
    outcome.rows.emplace_back(std::move(row));
  }
  return outcome;
}

Result<std::int64_t> PgConnection::Execute(std::string_view sql, const Params& params) {
  GPUAAS_ASSIGN_OR_RETURN(auto outcome, Run(sql, params));
  return outcome.affected;
}

Result<Rows> PgConnection::Query(std::string_view sql, const Params& params) {
  GPUAAS_ASSIGN_OR_RETURN(auto outcome, Run(sql, params));
  return std::move(outcome.rows);
}

Status PgConnection::ExecuteScript(std::string_view sql) {
  const std::string text(sql);
  ResultPtr result(PQexec(connection_, text.c_str()));
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorFrom(result.get(), connection_, sql);
  return Ok();
}

}  // namespace gpuaas::store
