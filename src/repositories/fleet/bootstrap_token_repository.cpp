#include "repositories/fleet/bootstrap_token_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT t.id, t.secret_hash, t.site_id, t.profile, t.purpose, t.node_id, t.created_by, t.created_at, "
    "t.expires_at, t.used_at, t.revoked_at, s.name FROM bootstrap_tokens t JOIN sites s ON s.id = t.site_id ";

BootstrapTokenRecord FromRow(const store::Row& row) {
  return BootstrapTokenRecord{row.Text(0),
                              row.Text(1),
                              row.Text(2),
                              row.Text(3),
                              row.Text(4),
                              OptionalTextAt(row, 5),
                              row.Text(6),
                              TimeAt(row, 7),
                              TimeAt(row, 8),
                              OptionalTimeAt(row, 9),
                              OptionalTimeAt(row, 10),
                              row.Text(11)};
}

}  // namespace

Status BootstrapTokenRepository::Insert(store::Session& session, const BootstrapTokenRecord& token) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO bootstrap_tokens (id, secret_hash, site_id, profile, purpose, node_id, created_by, created_at, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {token.id, token.secret_hash, token.site_id, token.profile, token.purpose, OptionalTextValue(token.node_id),
       token.created_by, TimeValue(token.created_at), TimeValue(token.expires_at)}));
  return Ok();
}

Result<std::optional<BootstrapTokenRecord>> BootstrapTokenRepository::Find(store::Session& session,
                                                                           std::string_view id) {
  return QueryOne<BootstrapTokenRecord>(session, std::string(kSelect) + "WHERE t.id = ?", {std::string(id)}, FromRow);
}

Result<std::optional<BootstrapTokenRecord>> BootstrapTokenRepository::FindBySecretHash(store::Session& session,
                                                                                       std::string_view secret_hash) {
  return QueryOne<BootstrapTokenRecord>(session, std::string(kSelect) + "WHERE t.secret_hash = ?",
                                        {std::string(secret_hash)}, FromRow);
}

Result<std::vector<BootstrapTokenRecord>> BootstrapTokenRepository::List(store::Session& session, std::int64_t limit) {
  return QueryAll<BootstrapTokenRecord>(session, std::string(kSelect) + "ORDER BY t.created_at DESC, t.id DESC LIMIT ?",
                                        {limit}, FromRow);
}

Result<bool> BootstrapTokenRepository::MarkUsed(store::Session& session, std::string_view id, std::string_view node_id,
                                                Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto changed, session.Execute("UPDATE bootstrap_tokens SET used_at = ?, node_id = ? "
                                                              "WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
                                                              {TimeValue(now), std::string(node_id), std::string(id)}));
  return changed == 1;
}

Result<bool> BootstrapTokenRepository::Revoke(store::Session& session, std::string_view id, Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto changed, session.Execute("UPDATE bootstrap_tokens SET revoked_at = ? "
                                                              "WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
                                                              {TimeValue(now), std::string(id)}));
  return changed == 1;
}

}  // namespace gpuaas::repositories
