#include "repositories/access/entitlement_repository.hpp"

#include <algorithm>

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

EntitlementRecord FromRow(const store::Row& row) {
  return EntitlementRecord{row.Text(0),    row.Text(1), row.Text(2), SplitSpaces(row.Text(3)),
                           TimeAt(row, 4), row.Text(5)};
}

}  // namespace

Status EntitlementRepository::Upsert(store::Session& session, const EntitlementRecord& record) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO project_entitlements (project_id, resource_kind, mode, allowed, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, resource_kind) DO UPDATE SET mode = excluded.mode, "
      "allowed = excluded.allowed, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
      {record.project_id, record.resource_kind, record.mode, JoinSpaces(record.allowed), TimeValue(record.updated_at),
       record.updated_by}));
  return Ok();
}

Result<std::vector<EntitlementRecord>> EntitlementRepository::ListForProject(store::Session& session,
                                                                             std::string_view project_id) {
  return QueryAll<EntitlementRecord>(session,
                                     "SELECT project_id, resource_kind, mode, allowed, updated_at, updated_by "
                                     "FROM project_entitlements WHERE project_id = ? ORDER BY resource_kind",
                                     {std::string(project_id)}, FromRow);
}

}  // namespace gpuaas::repositories
