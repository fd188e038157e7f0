#include "repositories/compute/workload_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kColumns =
    "w.id, w.name, w.project_id, w.tenant_id, w.owner_id, w.owner_label, w.sku_id, w.gpus, w.gpu_model, w.regions, "
    "w.hourly_price_micros, w.priority, w.queue_us, w.state, w.state_reason, w.queue_reason, w.node_id, w.first_gpu, "
    "w.ssh_keys, w.connection, w.requested_at, w.queued_at, w.provisioning_at, w.active_at, w.releasing_at, "
    "w.released_at, w.failed_at, w.archived_at, w.created_at, w.updated_at, n.name, n.hostname, s.name, s.title";

std::string SelectFrom() {
  return "SELECT " + std::string(kColumns) +
         " FROM workloads w LEFT JOIN nodes n ON n.id = w.node_id LEFT JOIN skus s ON s.id = w.sku_id ";
}

// Workloads that hold, or may still hold, GPUs: what quotas and node counts see.
constexpr std::string_view kHoldingStates = "('provisioning', 'active', 'releasing', 'release_failed')";

WorkloadRecord FromRow(const store::Row& row) {
  WorkloadRecord w;
  w.id = row.Text(0);
  w.name = row.Text(1);
  w.project_id = row.Text(2);
  w.tenant_id = row.Text(3);
  w.owner_id = row.Text(4);
  w.owner_label = row.Text(5);
  w.sku_id = row.Text(6);
  w.gpus = row.Int(7);
  w.gpu_model = row.Text(8);
  w.regions = SplitSpaces(row.Text(9));
  w.hourly_price_micros = row.Int(10);
  w.priority = row.Int(11);
  w.queue_us = row.Int(12);
  w.state = row.Text(13);
  w.state_reason = OptionalTextAt(row, 14);
  w.queue_reason = OptionalTextAt(row, 15);
  w.node_id = OptionalTextAt(row, 16);
  w.first_gpu = OptionalIntAt(row, 17);
  w.ssh_keys = row.Text(18);
  w.connection = OptionalTextAt(row, 19);
  w.requested_at = TimeAt(row, 20);
  w.queued_at = OptionalTimeAt(row, 21);
  w.provisioning_at = OptionalTimeAt(row, 22);
  w.active_at = OptionalTimeAt(row, 23);
  w.releasing_at = OptionalTimeAt(row, 24);
  w.released_at = OptionalTimeAt(row, 25);
  w.failed_at = OptionalTimeAt(row, 26);
  w.archived_at = OptionalTimeAt(row, 27);
  w.created_at = TimeAt(row, 28);
  w.updated_at = TimeAt(row, 29);
  w.node_name = OptionalTextAt(row, 30);
  w.node_hostname = OptionalTextAt(row, 31);
  w.sku_name = row.IsNull(32) ? w.sku_id : row.Text(32);
  w.sku_title = row.IsNull(33) ? w.sku_id : row.Text(33);
  return w;
}

void AddIn(std::string& where, store::Params& params, std::string_view column, const std::vector<std::string>& values) {
  where += " AND " + std::string(column) + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += i == 0 ? "?" : ", ?";
    params.emplace_back(values[i]);
  }
  where += ")";
}

// The WHERE clause of a filter, without its cursor.
std::string WhereOf(const WorkloadFilter& filter, store::Params& params) {
  std::string where = "WHERE 1 = 1";
  AddEquals(where, params, "w.project_id", filter.project_id);
  AddEquals(where, params, "w.node_id", filter.node_id);
  if (!filter.all_projects) {
    if (filter.visible_projects.empty()) return where + " AND 1 = 0";
    AddIn(where, params, "w.project_id", filter.visible_projects);
  }
  if (!filter.states.empty()) AddIn(where, params, "w.state", filter.states);
  if (filter.archived) where += *filter.archived ? " AND w.archived_at IS NOT NULL" : " AND w.archived_at IS NULL";
  return where;
}

Result<UsageCount> Usage(store::Session& session, std::string_view column, std::string_view id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT COUNT(*), COALESCE(SUM(gpus), 0) FROM workloads WHERE " +
                                            std::string(column) + " = ? AND state IN " + std::string(kHoldingStates),
                                        {std::string(id)}));
  return UsageCount{rows.front().Int(1), rows.front().Int(0)};
}

store::Params MutableValues(const WorkloadRecord& w) {
  return {w.name,
          w.priority,
          w.queue_us,
          w.state,
          OptionalTextValue(w.state_reason),
          OptionalTextValue(w.queue_reason),
          OptionalTextValue(w.node_id),
          OptionalIntValue(w.first_gpu),
          w.ssh_keys,
          OptionalTextValue(w.connection),
          OptionalTimeValue(w.queued_at),
          OptionalTimeValue(w.provisioning_at),
          OptionalTimeValue(w.active_at),
          OptionalTimeValue(w.releasing_at),
          OptionalTimeValue(w.released_at),
          OptionalTimeValue(w.failed_at),
          OptionalTimeValue(w.archived_at),
          TimeValue(w.updated_at)};
}

}  // namespace

Status WorkloadRepository::Insert(store::Session& session, const WorkloadRecord& w) {
  store::Params params{w.id,
                       w.project_id,
                       w.tenant_id,
                       w.owner_id,
                       w.owner_label,
                       w.sku_id,
                       w.gpus,
                       w.gpu_model,
                       JoinSpaces(w.regions),
                       w.hourly_price_micros,
                       TimeValue(w.requested_at),
                       TimeValue(w.created_at)};
  const auto mutable_values = MutableValues(w);
  params.insert(params.end(), mutable_values.begin(), mutable_values.end());
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO workloads (id, project_id, tenant_id, owner_id, owner_label, sku_id, gpus, gpu_model, regions, "
      "hourly_price_micros, requested_at, created_at, name, priority, queue_us, state, state_reason, queue_reason, "
      "node_id, first_gpu, ssh_keys, connection, queued_at, provisioning_at, active_at, releasing_at, released_at, "
      "failed_at, archived_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?)",
      params));
  return Ok();
}

Status WorkloadRepository::Update(store::Session& session, const WorkloadRecord& w, std::string_view expected_state) {
  auto params = MutableValues(w);
  params.emplace_back(w.id);
  params.emplace_back(std::string(expected_state));
  GPUAAS_ASSIGN_OR_RETURN(
      const auto changed,
      session.Execute("UPDATE workloads SET name = ?, priority = ?, queue_us = ?, state = ?, state_reason = ?, "
                      "queue_reason = ?, node_id = ?, first_gpu = ?, ssh_keys = ?, connection = ?, queued_at = ?, "
                      "provisioning_at = ?, active_at = ?, releasing_at = ?, released_at = ?, failed_at = ?, "
                      "archived_at = ?, updated_at = ? WHERE id = ? AND state = ?",
                      params));
  if (changed == 0) {
    return Error::Conflict("workload " + w.id + " is no longer " + std::string(expected_state));
  }
  return Ok();
}

Result<std::optional<WorkloadRecord>> WorkloadRepository::Find(store::Session& session, std::string_view id) {
  return QueryOne<WorkloadRecord>(session, SelectFrom() + "WHERE w.id = ?", {std::string(id)}, FromRow);
}

Result<std::vector<WorkloadRecord>> WorkloadRepository::List(store::Session& session, const WorkloadFilter& filter) {
  store::Params params;
  auto where = WhereOf(filter, params);
  if (filter.cursor_created_at && filter.cursor_id) {
    where += " AND (w.created_at < ? OR (w.created_at = ? AND w.id < ?))";
    params.emplace_back(*filter.cursor_created_at);
    params.emplace_back(*filter.cursor_created_at);
    params.emplace_back(*filter.cursor_id);
  }
  params.emplace_back(static_cast<std::int64_t>(filter.limit));
  return QueryAll<WorkloadRecord>(session, SelectFrom() + where + " ORDER BY w.created_at DESC, w.id DESC LIMIT ?",
                                  params, FromRow);
}

Result<std::int64_t> WorkloadRepository::Count(store::Session& session, WorkloadFilter filter) {
  store::Params params;
  const auto where = WhereOf(filter, params);
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT COUNT(*) FROM workloads w " + where, params));
  return rows.front().Int(0);
}

Result<std::vector<WorkloadRecord>> WorkloadRepository::Pending(store::Session& session, int limit) {
  return QueryAll<WorkloadRecord>(session,
                                  SelectFrom() +
                                      "WHERE w.state IN ('requested', 'queued') "
                                      "ORDER BY w.priority DESC, w.queue_us, w.id LIMIT ?",
                                  {static_cast<std::int64_t>(limit)}, FromRow);
}

Result<UsageCount> WorkloadRepository::UsageOfProject(store::Session& session, std::string_view project_id) {
  return Usage(session, "project_id", project_id);
}

Result<UsageCount> WorkloadRepository::UsageOfOwner(store::Session& session, std::string_view owner_id) {
  return Usage(session, "owner_id", owner_id);
}

Result<std::int64_t> WorkloadRepository::CountOnNode(store::Session& session, std::string_view node_id) {
  GPUAAS_ASSIGN_OR_RETURN(
      const auto rows,
      session.Query("SELECT COUNT(*) FROM workloads WHERE node_id = ? AND state IN " + std::string(kHoldingStates),
                    {std::string(node_id)}));
  return rows.front().Int(0);
}

}  // namespace gpuaas::repositories
