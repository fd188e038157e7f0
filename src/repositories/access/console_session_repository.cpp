#include "repositories/access/console_session_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent, revoked_at "
    "FROM console_sessions ";

ConsoleSessionRecord FromRow(const store::Row& row) {
  return ConsoleSessionRecord{row.Text(0),    row.Text(1),    row.Text(2), row.Text(3), TimeAt(row, 4),
                              TimeAt(row, 5), TimeAt(row, 6), row.Text(7), row.Text(8), OptionalTimeAt(row, 9)};
}

Result<std::optional<ConsoleSessionRecord>> FindOne(store::Session& session, std::string_view where,
                                                    std::string_view value) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(std::string(kSelect) + "WHERE " + std::string(where) + " = ?",
                                                         {std::string(value)}));
  if (rows.empty()) return std::optional<ConsoleSessionRecord>();
  return std::optional<ConsoleSessionRecord>(FromRow(rows.front()));
}

}  // namespace

Status ConsoleSessionRepository::Insert(store::Session& session, const ConsoleSessionRecord& record) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO console_sessions (id, user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, ip, "
      "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {record.id, record.user_id, record.token_hash, record.csrf_token, TimeValue(record.created_at),
       TimeValue(record.last_seen_at), TimeValue(record.expires_at), record.ip, record.user_agent}));
  return Ok();
}

Result<std::optional<ConsoleSessionRecord>> ConsoleSessionRepository::FindByTokenHash(store::Session& session,
                                                                                      std::string_view token_hash) {
  return FindOne(session, "token_hash", token_hash);
}

Result<std::optional<ConsoleSessionRecord>> ConsoleSessionRepository::FindById(store::Session& session,
                                                                               std::string_view id) {
  return FindOne(session, "id", id);
}

Result<std::vector<ConsoleSessionRecord>> ConsoleSessionRepository::ListLive(store::Session& session,
                                                                             std::string_view user_id, Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(
      const auto rows,
      session.Query(std::string(kSelect) + "WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? "
                                           "ORDER BY created_at DESC LIMIT 200",
                    {std::string(user_id), TimeValue(now)}));
  std::vector<ConsoleSessionRecord> records;
  for (const auto& row : rows) records.push_back(FromRow(row));
  return records;
}

Status ConsoleSessionRepository::Touch(store::Session& session, std::string_view id, Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE console_sessions SET last_seen_at = ? WHERE id = ?", {TimeValue(now), std::string(id)}));
  return Ok();
}

Result<std::int64_t> ConsoleSessionRepository::Revoke(store::Session& session, std::string_view id, Timestamp now) {
  return session.Execute("UPDATE console_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                         {TimeValue(now), std::string(id)});
}

Result<std::int64_t> ConsoleSessionRepository::RevokeAllOfUser(store::Session& session, std::string_view user_id,
                                                               std::string_view keep_id, Timestamp now) {
  return session.Execute(
      "UPDATE console_sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL",
      {TimeValue(now), std::string(user_id), std::string(keep_id)});
}

}  // namespace gpuaas::repositories
