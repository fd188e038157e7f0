#include "repositories/evidence/activity_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {

Status ActivityRepository::Insert(store::Session& session, const ActivityRecord& r) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO activity (seq, id, resource_type, resource_id, project_id, tenant_id, kind, title, actor_label, "
      "outcome, operation_id, audit_id, event_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.seq, r.id, r.resource_type, r.resource_id, OptionalTextValue(r.project_id), OptionalTextValue(r.tenant_id),
       r.kind, r.title, r.actor_label, r.outcome, OptionalTextValue(r.operation_id), OptionalTextValue(r.audit_id),
       r.event_id, TimeValue(r.occurred_at)}));
  return Ok();
}

Result<std::vector<ActivityRecord>> ActivityRepository::ListByResource(store::Session& session,
                                                                       std::string_view resource_type,
                                                                       std::string_view resource_id,
                                                                       std::optional<std::int64_t> before_seq,
                                                                       int limit) {
  return QueryAll<ActivityRecord>(
      session,
      "SELECT seq, id, resource_type, resource_id, project_id, tenant_id, kind, title, actor_label, outcome, "
      "operation_id, audit_id, event_id, occurred_at FROM activity WHERE resource_type = ? AND resource_id = ? "
      "AND seq < ? ORDER BY seq DESC LIMIT ?",
      {std::string(resource_type), std::string(resource_id), before_seq.value_or(INT64_MAX), std::int64_t{limit}},
      [](const store::Row& row) {
        return ActivityRecord{row.Int(0),         row.Text(1),           row.Text(2),
                              row.Text(3),        OptionalTextAt(row, 4), OptionalTextAt(row, 5),
                              row.Text(6),        row.Text(7),           row.Text(8),
                              row.Text(9),        OptionalTextAt(row, 10), OptionalTextAt(row, 11),
                              row.Text(12),       TimeAt(row, 13)};
      });
}

}  // namespace gpuaas::repositories
