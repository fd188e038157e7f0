#include "repositories/platform/idempotency_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {

Result<bool> IdempotencyRepository::Claim(store::Session& session, const IdempotencyRecord& record) {
  GPUAAS_ASSIGN_OR_RETURN(
      const auto inserted,
      session.Execute(
          "INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, state, created_at, "
          "expires_at) VALUES (?, ?, ?, 'running', ?, ?) ON CONFLICT (scope, idempotency_key) DO NOTHING",
          {record.scope, record.key, record.fingerprint, TimeValue(record.created_at), TimeValue(record.expires_at)}));
  return inserted == 1;
}

Result<std::optional<IdempotencyRecord>> IdempotencyRepository::Find(store::Session& session, std::string_view scope,
                                                                     std::string_view key) {
  return QueryOne<IdempotencyRecord>(
      session,
      "SELECT scope, idempotency_key, fingerprint, state, status, content_type, body, created_at, expires_at "
      "FROM idempotency_keys WHERE scope = ? AND idempotency_key = ?",
      {std::string(scope), std::string(key)}, [](const store::Row& row) {
        return IdempotencyRecord{row.Text(0),
                                 row.Text(1),
                                 row.Text(2),
                                 row.Text(3),
                                 OptionalIntAt(row, 4),
                                 OptionalTextAt(row, 5),
                                 OptionalTextAt(row, 6),
                                 TimeAt(row, 7),
                                 TimeAt(row, 8)};
      });
}

Status IdempotencyRepository::Complete(store::Session& session, std::string_view scope, std::string_view key,
                                       std::int64_t status, std::string_view content_type, std::string_view body) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE idempotency_keys SET state = 'completed', status = ?, content_type = ?, body = ? "
                      "WHERE scope = ? AND idempotency_key = ?",
                      {status, std::string(content_type), std::string(body), std::string(scope), std::string(key)}));
  return Ok();
}

Status IdempotencyRepository::Delete(store::Session& session, std::string_view scope, std::string_view key) {
  GPUAAS_RETURN_IF_ERROR(session.Execute("DELETE FROM idempotency_keys WHERE scope = ? AND idempotency_key = ?",
                                         {std::string(scope), std::string(key)}));
  return Ok();
}

Result<std::int64_t> IdempotencyRepository::DeleteExpired(store::Session& session, Timestamp now, std::size_t limit) {
  return session.Execute(
      "DELETE FROM idempotency_keys WHERE (scope, idempotency_key) IN (SELECT scope, idempotency_key FROM "
      "idempotency_keys WHERE expires_at < ? LIMIT ?)",
      {TimeValue(now), static_cast<std::int64_t>(limit)});
}

}  // namespace gpuaas::repositories
