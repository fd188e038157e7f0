#include "repositories/fleet/platform_ca_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {

Result<std::optional<PlatformCaRecord>> PlatformCaRepository::FindCurrent(store::Session& session) {
  return QueryOne<PlatformCaRecord>(
      session,
      "SELECT id, cert_pem, sealed_key, fingerprint, not_after, created_at FROM platform_ca "
      "ORDER BY created_at DESC, id DESC LIMIT 1",
      {}, [](const store::Row& row) {
        return PlatformCaRecord{row.Text(0), row.Text(1), row.Text(2), row.Text(3), TimeAt(row, 4), TimeAt(row, 5)};
      });
}

Status PlatformCaRepository::Insert(store::Session& session, const PlatformCaRecord& ca) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO platform_ca (id, cert_pem, sealed_key, fingerprint, not_after, created_at) VALUES (?, ?, ?, ?, ?, "
      "?)",
      {ca.id, ca.cert_pem, ca.sealed_key, ca.fingerprint, TimeValue(ca.not_after), TimeValue(ca.created_at)}));
  return Ok();
}

}  // namespace gpuaas::repositories
