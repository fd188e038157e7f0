#include "repositories/platform/outbox_repository.hpp"

#include "repositories/evidence/evidence_lock.hpp"
#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {

Status OutboxRepository::Append(store::Session& session, OutboxEventRecord& e) {
  GPUAAS_RETURN_IF_ERROR(LockEvidence(session));
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox_events"));
  e.seq = rows.front().Int(0);
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO outbox_events (seq, id, type, resource_type, resource_id, project_id, tenant_id, actor_label, "
      "payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.seq, e.id, e.type, e.resource_type, e.resource_id, OptionalTextValue(e.project_id),
       OptionalTextValue(e.tenant_id), e.actor_label, e.payload, TimeValue(e.occurred_at)}));
  return Ok();
}

Result<std::vector<OutboxEventRecord>> OutboxRepository::Pending(store::Session& session, int limit) {
  return QueryAll<OutboxEventRecord>(
      session,
      "SELECT seq, id, type, resource_type, resource_id, project_id, tenant_id, actor_label, payload, occurred_at, "
      "dispatched_at FROM outbox_events WHERE dispatched_at IS NULL ORDER BY seq LIMIT ?",
      {std::int64_t{limit}}, [](const store::Row& row) {
        return OutboxEventRecord{row.Int(0),
                                 row.Text(1),
                                 row.Text(2),
                                 row.Text(3),
                                 row.Text(4),
                                 OptionalTextAt(row, 5),
                                 OptionalTextAt(row, 6),
                                 row.Text(7),
                                 row.Text(8),
                                 TimeAt(row, 9),
                                 OptionalTimeAt(row, 10)};
      });
}

Status OutboxRepository::MarkDispatched(store::Session& session, std::int64_t up_to_seq, std::int64_t from_seq,
                                        Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "UPDATE outbox_events SET dispatched_at = ? WHERE seq >= ? AND seq <= ? AND dispatched_at IS NULL",
      {TimeValue(now), from_seq, up_to_seq}));
  return Ok();
}

Result<std::int64_t> OutboxRepository::CountPending(store::Session& session) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT COUNT(*) FROM outbox_events WHERE dispatched_at IS NULL"));
  return rows.front().Int(0);
}

Result<bool> OutboxRepository::HasReceipt(store::Session& session, std::string_view consumer,
                                          std::string_view event_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT 1 FROM outbox_receipts WHERE consumer = ? AND event_id = ?",
                                        {std::string(consumer), std::string(event_id)}));
  return !rows.empty();
}

Status OutboxRepository::InsertReceipt(store::Session& session, std::string_view consumer, std::string_view event_id,
                                       Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("INSERT INTO outbox_receipts (consumer, event_id, received_at) VALUES (?, ?, ?)",
                      {std::string(consumer), std::string(event_id), TimeValue(now)}));
  return Ok();
}

Result<std::int64_t> OutboxRepository::CountReceipts(store::Session& session, std::string_view event_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT COUNT(*) FROM outbox_receipts WHERE event_id = ?",
                                                         {std::string(event_id)}));
  return rows.front().Int(0);
}

Result<bool> OutboxRepository::AcquireWorkerLease(store::Session& session, std::string_view name,
                                                  std::string_view owner, std::int64_t now_us, std::int64_t ttl_us) {
  // Insert-or-take-over in two portable statements: the update takes an expired or own
  // lease; the insert creates a missing one (a concurrent insert loses with a conflict).
  GPUAAS_ASSIGN_OR_RETURN(const auto taken, session.Execute("UPDATE worker_leases SET owner = ?, expires_us = ? "
                                                            "WHERE name = ? AND (owner = ? OR expires_us < ?)",
                                                            {std::string(owner), now_us + ttl_us, std::string(name),
                                                             std::string(owner), now_us}));
  if (taken == 1) return true;
  GPUAAS_ASSIGN_OR_RETURN(const auto existing,
                          session.Query("SELECT 1 FROM worker_leases WHERE name = ?", {std::string(name)}));
  if (!existing.empty()) return false;
  GPUAAS_RETURN_IF_ERROR(session.Execute("INSERT INTO worker_leases (name, owner, expires_us) VALUES (?, ?, ?)",
                                         {std::string(name), std::string(owner), now_us + ttl_us}));
  return true;
}

Status OutboxRepository::ReleaseWorkerLease(store::Session& session, std::string_view name, std::string_view owner) {
  GPUAAS_RETURN_IF_ERROR(session.Execute("DELETE FROM worker_leases WHERE name = ? AND owner = ?",
                                         {std::string(name), std::string(owner)}));
  return Ok();
}

}  // namespace gpuaas::repositories
