#include "repositories/fleet/node_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT n.id, n.name, n.hostname, n.site_id, n.profile, n.state, n.scheduling, n.connected, n.connected_since, "
    "n.connection_owner, n.last_heartbeat_us, n.simulated, n.gpu_model, n.gpu_count, n.agent_version, n.inventory, "
    "n.inventory_at, n.telemetry, n.telemetry_at, n.cert_serial, n.cert_fingerprint, n.cert_not_before, "
    "n.cert_not_after, n.last_renewal_at, n.last_renewal_error, n.enrolled_at, n.retired_at, n.updated_at, n.version, "
    "s.name FROM nodes n JOIN sites s ON s.id = n.site_id ";

NodeRecord FromRow(const store::Row& row) {
  NodeRecord node;
  node.id = row.Text(0);
  node.name = row.Text(1);
  node.hostname = row.Text(2);
  node.site_id = row.Text(3);
  node.profile = row.Text(4);
  node.state = row.Text(5);
  node.scheduling = row.Text(6);
  node.connected = row.Int(7) != 0;
  node.connected_since = OptionalTimeAt(row, 8);
  node.connection_owner = OptionalTextAt(row, 9);
  node.last_heartbeat_us = OptionalIntAt(row, 10);
  node.simulated = row.Int(11) != 0;
  node.gpu_model = OptionalTextAt(row, 12);
  node.gpu_count = row.Int(13);
  node.agent_version = OptionalTextAt(row, 14);
  node.inventory = OptionalTextAt(row, 15);
  node.inventory_at = OptionalTimeAt(row, 16);
  node.telemetry = OptionalTextAt(row, 17);
  node.telemetry_at = OptionalTimeAt(row, 18);
  node.cert_serial = OptionalTextAt(row, 19);
  node.cert_fingerprint = OptionalTextAt(row, 20);
  node.cert_not_before = OptionalTimeAt(row, 21);
  node.cert_not_after = OptionalTimeAt(row, 22);
  node.last_renewal_at = OptionalTimeAt(row, 23);
  node.last_renewal_error = OptionalTextAt(row, 24);
  node.enrolled_at = TimeAt(row, 25);
  node.retired_at = OptionalTimeAt(row, 26);
  node.updated_at = TimeAt(row, 27);
  node.version = row.Int(28);
  node.site_name = row.Text(29);
  return node;
}

// The mutable columns, in the order Insert and Update bind them after the key columns.
store::Params MutableValues(const NodeRecord& n) {
  return {n.hostname,
          n.profile,
          n.state,
          n.scheduling,
          static_cast<std::int64_t>(n.connected ? 1 : 0),
          OptionalTimeValue(n.connected_since),
          OptionalTextValue(n.connection_owner),
          OptionalIntValue(n.last_heartbeat_us),
          static_cast<std::int64_t>(n.simulated ? 1 : 0),
          OptionalTextValue(n.gpu_model),
          n.gpu_count,
          OptionalTextValue(n.agent_version),
          OptionalTextValue(n.inventory),
          OptionalTimeValue(n.inventory_at),
          OptionalTextValue(n.telemetry),
          OptionalTimeValue(n.telemetry_at),
          OptionalTextValue(n.cert_serial),
          OptionalTextValue(n.cert_fingerprint),
          OptionalTimeValue(n.cert_not_before),
          OptionalTimeValue(n.cert_not_after),
          OptionalTimeValue(n.last_renewal_at),
          OptionalTextValue(n.last_renewal_error),
          OptionalTimeValue(n.retired_at),
          TimeValue(n.updated_at)};
}

}  // namespace

Status NodeRepository::Insert(store::Session& session, const NodeRecord& node) {
  store::Params params{node.id, node.name, node.site_id, TimeValue(node.enrolled_at)};
  for (auto& value : MutableValues(node)) params.push_back(std::move(value));
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO nodes (id, name, site_id, enrolled_at, hostname, profile, state, scheduling, connected, "
      "connected_since, connection_owner, last_heartbeat_us, simulated, gpu_model, gpu_count, agent_version, "
      "inventory, inventory_at, telemetry, telemetry_at, cert_serial, cert_fingerprint, cert_not_before, "
      "cert_not_after, last_renewal_at, last_renewal_error, retired_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      params));
  return Ok();
}

Result<std::optional<NodeRecord>> NodeRepository::Find(store::Session& session, std::string_view id) {
  return QueryOne<NodeRecord>(session, std::string(kSelect) + "WHERE n.id = ?", {std::string(id)}, FromRow);
}

Result<std::optional<NodeRecord>> NodeRepository::FindByName(store::Session& session, std::string_view name) {
  return QueryOne<NodeRecord>(session, std::string(kSelect) + "WHERE n.name = ?", {std::string(name)}, FromRow);
}

Result<std::vector<NodeRecord>> NodeRepository::List(store::Session& session, const NodeFilter& filter) {
  std::string where = "WHERE 1 = 1";
  store::Params params;
  AddEquals(where, params, "n.state", filter.state);
  AddEquals(where, params, "n.site_id", filter.site_id);
  AddEquals(where, params, "n.gpu_model", filter.gpu_model);
  if (filter.query) {
    where += " AND (n.name LIKE ? OR n.hostname LIKE ?)";
    params.emplace_back("%" + *filter.query + "%");
    params.emplace_back("%" + *filter.query + "%");
  }
  if (filter.after_name) {
    where += " AND n.name > ?";
    params.emplace_back(*filter.after_name);
  }
  params.emplace_back(filter.limit);
  return QueryAll<NodeRecord>(session, std::string(kSelect) + where + " ORDER BY n.name LIMIT ?", params, FromRow);
}

Result<std::map<std::string, std::int64_t>> NodeRepository::CountByState(store::Session& session) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT state, COUNT(*) FROM nodes GROUP BY state"));
  std::map<std::string, std::int64_t> counts;
  for (const auto& row : rows) counts[row.Text(0)] = row.Int(1);
  return counts;
}

Result<bool> NodeRepository::Update(store::Session& session, const NodeRecord& node) {
  auto params = MutableValues(node);
  params.emplace_back(node.id);
  params.emplace_back(node.version);
  GPUAAS_ASSIGN_OR_RETURN(
      const auto changed,
      session.Execute("UPDATE nodes SET hostname = ?, profile = ?, state = ?, scheduling = ?, connected = ?, "
                      "connected_since = ?, connection_owner = ?, last_heartbeat_us = ?, simulated = ?, gpu_model = ?, "
                      "gpu_count = ?, agent_version = ?, inventory = ?, inventory_at = ?, telemetry = ?, "
                      "telemetry_at = ?, cert_serial = ?, cert_fingerprint = ?, cert_not_before = ?, "
                      "cert_not_after = ?, last_renewal_at = ?, last_renewal_error = ?, retired_at = ?, "
                      "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                      params));
  return changed == 1;
}

Status NodeRepository::WriteHeartbeats(store::Session& session, const std::vector<HeartbeatWrite>& batch) {
  for (const auto& beat : batch) {
    GPUAAS_RETURN_IF_ERROR(session.Execute(
        "UPDATE nodes SET last_heartbeat_us = ?, telemetry = ?, telemetry_at = ? WHERE id = ? AND connected = 1",
        {beat.at_us, beat.telemetry, TimeValue(beat.at), beat.node_id}));
  }
  return Ok();
}

Result<std::vector<std::string>> NodeRepository::SilentSince(store::Session& session, std::int64_t cutoff_us) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT id FROM nodes WHERE state IN ('online', 'cordoned', 'draining') "
                                        "AND (last_heartbeat_us IS NULL OR last_heartbeat_us < ?) ORDER BY id",
                                        {cutoff_us}));
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.Text(0));
  return ids;
}

Result<std::vector<std::string>> NodeRepository::HeartbeatingOffline(store::Session& session, std::string_view owner,
                                                                     std::int64_t cutoff_us) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT id FROM nodes WHERE state = 'offline' AND connected = 1 "
                                        "AND connection_owner = ? AND last_heartbeat_us >= ?",
                                        {std::string(owner), cutoff_us}));
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.Text(0));
  return ids;
}

Result<std::vector<std::string>> NodeRepository::RetiredHeldBy(store::Session& session, std::string_view owner) {
  GPUAAS_ASSIGN_OR_RETURN(
      const auto rows,
      session.Query("SELECT id FROM nodes WHERE connection_owner = ? AND state = 'retired'", {std::string(owner)}));
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.Text(0));
  return ids;
}

Status NodeRepository::Delete(store::Session& session, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(session.Execute("DELETE FROM nodes WHERE id = ?", {std::string(id)}));
  return Ok();
}

}  // namespace gpuaas::repositories
