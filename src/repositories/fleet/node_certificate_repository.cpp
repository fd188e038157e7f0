#include "repositories/fleet/node_certificate_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {

Status NodeCertificateRepository::Insert(store::Session& session, const NodeCertificateRecord& c) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO node_certificates (serial, node_id, public_key_fingerprint, not_before, not_after, issued_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {c.serial, c.node_id, c.public_key_fingerprint, TimeValue(c.not_before), TimeValue(c.not_after),
       TimeValue(c.issued_at)}));
  return Ok();
}

Result<std::optional<NodeCertificateRecord>> NodeCertificateRepository::Find(store::Session& session,
                                                                             std::string_view serial) {
  return QueryOne<NodeCertificateRecord>(
      session,
      "SELECT serial, node_id, public_key_fingerprint, not_before, not_after, issued_at, revoked_at, revoke_reason "
      "FROM node_certificates WHERE serial = ?",
      {std::string(serial)}, [](const store::Row& row) {
        return NodeCertificateRecord{row.Text(0),
                                     row.Text(1),
                                     row.Text(2),
                                     TimeAt(row, 3),
                                     TimeAt(row, 4),
                                     TimeAt(row, 5),
                                     OptionalTimeAt(row, 6),
                                     OptionalTextAt(row, 7)};
      });
}

Status NodeCertificateRepository::RevokeAllOf(store::Session& session, std::string_view node_id,
                                              std::string_view reason, Timestamp now, std::string_view keep_serial) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE node_certificates SET revoked_at = ?, revoke_reason = ? "
                      "WHERE node_id = ? AND revoked_at IS NULL AND serial <> ?",
                      {TimeValue(now), std::string(reason), std::string(node_id), std::string(keep_serial)}));
  return Ok();
}

}  // namespace gpuaas::repositories
