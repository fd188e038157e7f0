#include "repositories/access/ssh_key_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, user_id, name, key_type, bits, fingerprint, public_key, comment, created_at FROM ssh_keys ";

SshKeyRecord FromRow(const store::Row& row) {
  return SshKeyRecord{row.Text(0), row.Text(1), row.Text(2), row.Text(3),   row.Int(4),
                      row.Text(5), row.Text(6), row.Text(7), TimeAt(row, 8)};
}

}  // namespace

Status SshKeyRepository::Insert(store::Session& session, const SshKeyRecord& key) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO ssh_keys (id, user_id, name, key_type, bits, fingerprint, public_key, comment, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {key.id, key.user_id, key.name, key.key_type, key.bits, key.fingerprint, key.public_key, key.comment,
       TimeValue(key.created_at)}));
  return Ok();
}

Result<std::vector<SshKeyRecord>> SshKeyRepository::ListByUser(store::Session& session, std::string_view user_id) {
  return QueryAll<SshKeyRecord>(session, std::string(kSelect) + "WHERE user_id = ? ORDER BY created_at DESC",
                                {std::string(user_id)}, FromRow);
}

Result<std::optional<SshKeyRecord>> SshKeyRepository::Find(store::Session& session, std::string_view user_id,
                                                           std::string_view id) {
  return QueryOne<SshKeyRecord>(session, std::string(kSelect) + "WHERE user_id = ? AND id = ?",
                                {std::string(user_id), std::string(id)}, FromRow);
}

Result<std::optional<SshKeyRecord>> SshKeyRepository::FindByFingerprint(store::Session& session,
                                                                        std::string_view user_id,
                                                                        std::string_view fingerprint) {
  return QueryOne<SshKeyRecord>(session, std::string(kSelect) + "WHERE user_id = ? AND fingerprint = ?",
                                {std::string(user_id), std::string(fingerprint)}, FromRow);
}

Status SshKeyRepository::Delete(store::Session& session, std::string_view user_id, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("DELETE FROM ssh_keys WHERE user_id = ? AND id = ?", {std::string(user_id), std::string(id)}));
  return Ok();
}

}  // namespace gpuaas::repositories
