#include "repositories/evidence/audit_repository.hpp"

#include "repositories/evidence/evidence_lock.hpp"
#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT seq, id, occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, project_id, "
    "tenant_id, request_id, client_ip, outcome, metadata, prev_hash, hash FROM audit_log ";

AuditRecord FromRow(const store::Row& row) {
  return AuditRecord{row.Int(0),
                     row.Text(1),
                     TimeAt(row, 2),
                     row.Text(3),
                     row.Text(4),
                     row.Text(5),
                     row.Text(6),
                     row.Text(7),
                     row.Text(8),
                     OptionalTextAt(row, 9),
                     OptionalTextAt(row, 10),
                     row.Text(11),
                     row.Text(12),
                     row.Text(13),
                     row.Text(14),
                     row.Text(15),
                     row.Text(16)};
}

}  // namespace

Result<AuditHead> AuditRepository::LockHead(store::Session& session) {
  GPUAAS_RETURN_IF_ERROR(LockEvidence(session));
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  if (rows.empty()) return AuditHead{0, ""};
  return AuditHead{rows.front().Int(0), rows.front().Text(1)};
}

Status AuditRepository::Insert(store::Session& session, const AuditRecord& r) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO audit_log (seq, id, occurred_at, actor_type, actor_id, actor_label, action, target_type, "
      "target_id, project_id, tenant_id, request_id, client_ip, outcome, metadata, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.seq, r.id, TimeValue(r.occurred_at), r.actor_type, r.actor_id, r.actor_label, r.action, r.target_type,
       r.target_id, OptionalTextValue(r.project_id), OptionalTextValue(r.tenant_id), r.request_id, r.client_ip,
       r.outcome, r.metadata, r.prev_hash, r.hash}));
  return Ok();
}

Result<std::vector<AuditRecord>> AuditRepository::List(store::Session& session, const AuditFilter& filter) {
  std::string where = "WHERE 1 = 1";
  store::Params params;
  AddEquals(where, params, "actor_id", filter.actor_id);
  AddEquals(where, params, "action", filter.action);
  AddEquals(where, params, "target_type", filter.target_type);
  AddEquals(where, params, "target_id", filter.target_id);
  AddEquals(where, params, "project_id", filter.project_id);
  AddEquals(where, params, "outcome", filter.outcome);
  AddEquals(where, params, "request_id", filter.request_id);
  if (filter.since) {
    where += " AND occurred_at >= ?";
    params.push_back(TimeValue(*filter.since));
  }
  if (filter.until) {
    where += " AND occurred_at < ?";
    params.push_back(TimeValue(*filter.until));
  }
  if (filter.before_seq) {
    where += " AND seq < ?";
    params.emplace_back(*filter.before_seq);
  }
  if (filter.visible_actor_id) {
    where += " AND (actor_id = ?";
    params.emplace_back(*filter.visible_actor_id);
    if (!filter.visible_project_ids.empty()) {
      where += " OR project_id IN (";
      for (std::size_t i = 0; i < filter.visible_project_ids.size(); ++i) {
        where += i == 0 ? "?" : ", ?";
        params.emplace_back(filter.visible_project_ids[i]);
      }
      where += ")";
    }
    where += ")";
  }
  params.emplace_back(static_cast<std::int64_t>(filter.limit));
  return QueryAll<AuditRecord>(session, std::string(kSelect) + where + " ORDER BY seq DESC LIMIT ?", params, FromRow);
}

Result<std::optional<AuditRecord>> AuditRepository::FindById(store::Session& session, std::string_view id) {
  return QueryOne<AuditRecord>(session, std::string(kSelect) + "WHERE id = ?", {std::string(id)}, FromRow);
}

Result<std::vector<AuditRecord>> AuditRepository::Scan(store::Session& session, std::int64_t after_seq,
                                                       std::size_t limit) {
  return QueryAll<AuditRecord>(session, std::string(kSelect) + "WHERE seq > ? ORDER BY seq LIMIT ?",
                               {after_seq, static_cast<std::int64_t>(limit)}, FromRow);
}

}  // namespace gpuaas::repositories
