#include "repositories/access/api_token_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, kind, user_id, service_account_id, name, token_hash, prefix, scopes, expires_at, last_used_at, "
    "created_at, revoked_at FROM api_tokens ";

ApiTokenRecord FromRow(const store::Row& row) {
  return ApiTokenRecord{row.Text(0),
                        row.Text(1),
                        OptionalTextAt(row, 2),
                        OptionalTextAt(row, 3),
                        row.Text(4),
                        row.Text(5),
                        row.Text(6),
                        row.Text(7),
                        OptionalTimeAt(row, 8),
                        OptionalTimeAt(row, 9),
                        TimeAt(row, 10),
                        OptionalTimeAt(row, 11)};
}

Result<std::vector<ApiTokenRecord>> Many(store::Session& session, std::string_view where, std::string_view value) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(std::string(kSelect) + "WHERE " + std::string(where) +
                                                             " = ? ORDER BY created_at DESC LIMIT 500",
                                                         {std::string(value)}));
  std::vector<ApiTokenRecord> records;
  for (const auto& row : rows) records.push_back(FromRow(row));
  return records;
}

Result<std::optional<ApiTokenRecord>> One(store::Session& session, std::string_view where, std::string_view value) {
  GPUAAS_ASSIGN_OR_RETURN(auto records, Many(session, where, value));
  if (records.empty()) return std::optional<ApiTokenRecord>();
  return std::optional<ApiTokenRecord>(std::move(records.front()));
}

}  // namespace

Status ApiTokenRepository::Insert(store::Session& session, const ApiTokenRecord& record) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO api_tokens (id, kind, user_id, service_account_id, name, token_hash, prefix, scopes, expires_at, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {record.id, record.kind, OptionalTextValue(record.user_id), OptionalTextValue(record.service_account_id),
       record.name, record.token_hash, record.prefix, record.scopes, OptionalTimeValue(record.expires_at),
       TimeValue(record.created_at)}));
  return Ok();
}

Result<std::optional<ApiTokenRecord>> ApiTokenRepository::FindByHash(store::Session& session,
                                                                     std::string_view token_hash) {
  return One(session, "token_hash", token_hash);
}

Result<std::optional<ApiTokenRecord>> ApiTokenRepository::FindById(store::Session& session, std::string_view id) {
  return One(session, "id", id);
}

Result<std::vector<ApiTokenRecord>> ApiTokenRepository::ListByUser(store::Session& session, std::string_view user_id) {
  return Many(session, "user_id", user_id);
}

Result<std::vector<ApiTokenRecord>> ApiTokenRepository::ListByServiceAccount(store::Session& session,
                                                                             std::string_view service_account_id) {
  return Many(session, "service_account_id", service_account_id);
}

Result<std::int64_t> ApiTokenRepository::Revoke(store::Session& session, std::string_view id, Timestamp now) {
  return session.Execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                         {TimeValue(now), std::string(id)});
}

Result<std::int64_t> ApiTokenRepository::RevokeAllOfServiceAccount(store::Session& session,
                                                                   std::string_view service_account_id, Timestamp now) {
  return session.Execute("UPDATE api_tokens SET revoked_at = ? WHERE service_account_id = ? AND revoked_at IS NULL",
                         {TimeValue(now), std::string(service_account_id)});
}

Result<std::int64_t> ApiTokenRepository::RevokeAllOfUser(store::Session& session, std::string_view user_id,
                                                         Timestamp now) {
  return session.Execute("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                         {TimeValue(now), std::string(user_id)});
}

Status ApiTokenRepository::TouchLastUsed(store::Session& session, std::string_view id, Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {TimeValue(now), std::string(id)}));
  return Ok();
}

}  // namespace gpuaas::repositories
