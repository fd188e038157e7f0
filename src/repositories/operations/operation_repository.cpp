#include "repositories/operations/operation_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kColumns =
    "id, kind, target_type, target_id, target_name, project_id, tenant_id, params, requester_type, requester_id, "
    "requester_label, request_id, state, stage, step_index, step_count, attempt, max_attempts, next_run_us, "
    "lease_owner, lease_expires_us, cancel_requested, result, error_code, error_message, created_at, started_at, "
    "finished_at, updated_at";

OperationRecord FromRow(const store::Row& row) {
  OperationRecord r;
  r.id = row.Text(0);
  r.kind = row.Text(1);
  r.target_type = row.Text(2);
  r.target_id = row.Text(3);
  r.target_name = row.Text(4);
  r.project_id = OptionalTextAt(row, 5);
  r.tenant_id = OptionalTextAt(row, 6);
  r.params = row.Text(7);
  r.requester_type = row.Text(8);
  r.requester_id = row.Text(9);
  r.requester_label = row.Text(10);
  r.request_id = row.Text(11);
  r.state = row.Text(12);
  r.stage = row.Text(13);
  r.step_index = row.Int(14);
  r.step_count = row.Int(15);
  r.attempt = row.Int(16);
  r.max_attempts = row.Int(17);
  r.next_run_us = row.Int(18);
  r.lease_owner = OptionalTextAt(row, 19);
  r.lease_expires_us = OptionalIntAt(row, 20);
  r.cancel_requested = row.Int(21) != 0;
  r.result = OptionalTextAt(row, 22);
  r.error_code = OptionalTextAt(row, 23);
  r.error_message = OptionalTextAt(row, 24);
  r.created_at = TimeAt(row, 25);
  r.started_at = OptionalTimeAt(row, 26);
  r.finished_at = OptionalTimeAt(row, 27);
  r.updated_at = TimeAt(row, 28);
  return r;
}

std::string Select() { return "SELECT " + std::string(kColumns) + " FROM operations "; }

std::string Placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

Status Executed(Result<std::int64_t> changed) {
  if (!changed) return changed.TakeError();
  return Ok();
}

Result<bool> ChangedOne(Result<std::int64_t> changed) {
  if (!changed) return changed.TakeError();
  return *changed == 1;
}

}  // namespace

Status OperationRepository::Insert(store::Session& session, const OperationRecord& r) {
  return Executed(session.Execute(
      "INSERT INTO operations (" + std::string(kColumns) +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id,
       r.kind,
       r.target_type,
       r.target_id,
       r.target_name,
       OptionalTextValue(r.project_id),
       OptionalTextValue(r.tenant_id),
       r.params,
       r.requester_type,
       r.requester_id,
       r.requester_label,
       r.request_id,
       r.state,
       r.stage,
       r.step_index,
       r.step_count,
       r.attempt,
       r.max_attempts,
       r.next_run_us,
       OptionalTextValue(r.lease_owner),
       OptionalIntValue(r.lease_expires_us),
       std::int64_t{r.cancel_requested ? 1 : 0},
       OptionalTextValue(r.result),
       OptionalTextValue(r.error_code),
       OptionalTextValue(r.error_message),
       TimeValue(r.created_at),
       OptionalTimeValue(r.started_at),
       OptionalTimeValue(r.finished_at),
       TimeValue(r.updated_at)}));
}

Result<std::optional<OperationRecord>> OperationRepository::FindById(store::Session& session, std::string_view id) {
  return QueryOne<OperationRecord>(session, Select() + "WHERE id = ?", {std::string(id)}, FromRow);
}

Result<std::vector<OperationRecord>> OperationRepository::List(store::Session& session, const OperationFilter& f) {
  std::string where = "WHERE 1 = 1";
  store::Params params;
  AddEquals(where, params, "target_type", f.target_type);
  AddEquals(where, params, "target_id", f.target_id);
  AddEquals(where, params, "kind", f.kind);
  AddEquals(where, params, "state", f.state);
  AddEquals(where, params, "requester_id", f.requester_id);
  if (f.visible_to) {
    where += " AND (requester_id = ?";
    params.emplace_back(*f.visible_to);
    if (!f.visible_projects.empty()) {
      where += " OR project_id IN (" + Placeholders(f.visible_projects.size()) + ")";
      for (const auto& id : f.visible_projects) params.emplace_back(id);
    }
    if (!f.visible_tenants.empty()) {
      where += " OR tenant_id IN (" + Placeholders(f.visible_tenants.size()) + ")";
      for (const auto& id : f.visible_tenants) params.emplace_back(id);
    }
    where += ")";
  }
  if (f.before_id) {
    where += " AND id < ?";
    params.emplace_back(*f.before_id);
  }
  params.emplace_back(std::int64_t{f.limit});
  return QueryAll<OperationRecord>(session, Select() + where + " ORDER BY id DESC LIMIT ?", params, FromRow);
}

Result<std::vector<OperationRepository::Claimed>> OperationRepository::ClaimDue(
    store::Session& session, std::int64_t now_us, std::int64_t lease_us, const std::string& owner_prefix, int limit) {
  std::string sql =
      "SELECT id, lease_owner FROM operations WHERE state IN ('queued', 'running') AND next_run_us <= ? "
      "AND (lease_expires_us IS NULL OR lease_expires_us < ?) ORDER BY next_run_us LIMIT ?";
  // SQLite has one writer, so the select and the updates below cannot interleave with
  // another runner's; PostgreSQL needs the row locks, and skips rows other runners hold.
  if (session.dialect() == store::Dialect::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(sql, {now_us, now_us, std::int64_t{limit}}));
  std::vector<Claimed> claimed;
  claimed.reserve(rows.size());
  for (const auto& row : rows) {
    const auto& id = row.Text(0);
    const auto owner = owner_prefix + "/" + id.substr(id.size() - 6);
    GPUAAS_RETURN_IF_ERROR(
        session.Execute("UPDATE operations SET lease_owner = ?, lease_expires_us = ?, state = 'running', "
                        "started_at = COALESCE(started_at, ?) WHERE id = ?",
                        {owner, now_us + lease_us, TimeValue(Timestamp(std::chrono::microseconds(now_us))), id}));
    GPUAAS_ASSIGN_OR_RETURN(auto record, FindById(session, id));
    if (record) claimed.push_back(Claimed{std::move(*record), OptionalTextAt(row, 1)});
  }
  return claimed;
}

Result<bool> OperationRepository::RenewLease(store::Session& session, const Lease& lease, std::int64_t expires_us,
                                             Timestamp now) {
  return ChangedOne(
      session.Execute("UPDATE operations SET lease_expires_us = ?, updated_at = ? WHERE id = ? AND lease_owner = ?",
                      {expires_us, TimeValue(now), lease.operation_id, lease.owner}));
}

Result<bool> OperationRepository::AdvanceStep(store::Session& session, const Lease& lease, std::int64_t next_index,
                                              const std::string& next_stage, std::int64_t lease_expires_us,
                                              Timestamp now) {
  return ChangedOne(session.Execute(
      "UPDATE operations SET step_index = ?, stage = ?, attempt = 1, lease_expires_us = ?, updated_at = ? "
      "WHERE id = ? AND lease_owner = ? AND step_index = ?",
      {next_index, next_stage, lease_expires_us, TimeValue(now), lease.operation_id, lease.owner, next_index - 1}));
}

Result<bool> OperationRepository::ScheduleRetry(store::Session& session, const Lease& lease, std::int64_t attempt,
                                                std::int64_t next_run_us, Timestamp now) {
  return ChangedOne(session.Execute(
      "UPDATE operations SET attempt = ?, next_run_us = ?, lease_owner = NULL, lease_expires_us = NULL, "
      "updated_at = ? WHERE id = ? AND lease_owner = ?",
      {attempt, next_run_us, TimeValue(now), lease.operation_id, lease.owner}));
}

Result<bool> OperationRepository::Finish(store::Session& session, const std::optional<Lease>& lease,
                                         std::string_view id, const Outcome& o, Timestamp now) {
  std::string sql =
      "UPDATE operations SET state = ?, stage = ?, result = ?, error_code = ?, error_message = ?, finished_at = ?, "
      "updated_at = ?, lease_owner = NULL, lease_expires_us = NULL WHERE id = ? AND ";
  store::Params params{o.state,
                       o.stage,
                       OptionalTextValue(o.result),
                       OptionalTextValue(o.error_code),
                       OptionalTextValue(o.error_message),
                       TimeValue(now),
                       TimeValue(now),
                       std::string(id)};
  if (lease) {
    sql += "lease_owner = ?";
    params.emplace_back(lease->owner);
  } else {
    sql += "state = 'queued' AND lease_owner IS NULL";
  }
  return ChangedOne(session.Execute(sql, params));
}

Result<bool> OperationRepository::RequestCancel(store::Session& session, std::string_view id, Timestamp now) {
  return ChangedOne(session.Execute(
      "UPDATE operations SET cancel_requested = 1, updated_at = ? WHERE id = ? AND state IN ('queued', 'running')",
      {TimeValue(now), std::string(id)}));
}

Result<bool> OperationRepository::Requeue(store::Session& session, std::string_view id, std::int64_t now_us,
                                          Timestamp now) {
  return ChangedOne(
      session.Execute("UPDATE operations SET state = 'queued', attempt = 1, next_run_us = ?, error_code = NULL, "
                      "error_message = NULL, finished_at = NULL, cancel_requested = 0, updated_at = ? "
                      "WHERE id = ? AND state = 'failed'",
                      {now_us, TimeValue(now), std::string(id)}));
}

Status OperationRepository::AppendEvent(store::Session& session, const OperationEventRecord& e) {
  return Executed(session.Execute(
      "INSERT INTO operation_events (operation_id, seq, occurred_at, type, stage, attempt, message) "
      "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM operation_events WHERE operation_id = ?), ?, ?, ?, ?, ?)",
      {e.operation_id, e.operation_id, TimeValue(e.occurred_at), e.type, e.stage, e.attempt, e.message}));
}

Result<std::vector<OperationEventRecord>> OperationRepository::Events(store::Session& session, std::string_view id) {
  return QueryAll<OperationEventRecord>(
      session,
      "SELECT operation_id, seq, occurred_at, type, stage, attempt, message FROM operation_events "
      "WHERE operation_id = ? ORDER BY seq",
      {std::string(id)}, [](const store::Row& row) {
        return OperationEventRecord{row.Text(0), row.Int(1), TimeAt(row, 2), row.Text(3),
                                    row.Text(4), row.Int(5), row.Text(6)};
      });
}

Status OperationRepository::InsertSelftestMark(store::Session& session, std::string_view id, std::int64_t step_index,
                                               Timestamp now) {
  return Executed(
      session.Execute("INSERT INTO operation_selftest_marks (operation_id, step_index, marked_at) VALUES (?, ?, ?)",
                      {std::string(id), step_index, TimeValue(now)}));
}

Result<std::vector<std::int64_t>> OperationRepository::SelftestMarksPerStep(store::Session& session,
                                                                            std::string_view id,
                                                                            std::int64_t step_count) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT step_index, COUNT(*) FROM operation_selftest_marks "
                                                         "WHERE operation_id = ? GROUP BY step_index",
                                                         {std::string(id)}));
  std::vector<std::int64_t> counts(static_cast<std::size_t>(step_count), 0);
  for (const auto& row : rows) {
    const auto index = row.Int(0);
    if (index >= 0 && index < step_count) counts[static_cast<std::size_t>(index)] = row.Int(1);
  }
  return counts;
}

}  // namespace gpuaas::repositories
