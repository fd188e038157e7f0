#include "repositories/fleet/node_task_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, node_id, operation_id, kind, params, state, result, error, created_at, updated_at FROM node_tasks ";

NodeTaskRecord FromRow(const store::Row& row) {
  return NodeTaskRecord{row.Text(0), row.Text(1), OptionalTextAt(row, 2), row.Text(3),    row.Text(4),
                        row.Text(5), row.Text(6), OptionalTextAt(row, 7), TimeAt(row, 8), TimeAt(row, 9)};
}

}  // namespace

Status NodeTaskRepository::Insert(store::Session& session, const NodeTaskRecord& t) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO node_tasks (id, node_id, operation_id, kind, params, state, result, error, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, t.node_id, OptionalTextValue(t.operation_id), t.kind, t.params, t.state, t.result,
       OptionalTextValue(t.error), TimeValue(t.created_at), TimeValue(t.updated_at)}));
  return Ok();
}

Result<std::optional<NodeTaskRecord>> NodeTaskRepository::Find(store::Session& session, std::string_view id) {
  return QueryOne<NodeTaskRecord>(session, std::string(kSelect) + "WHERE id = ?", {std::string(id)}, FromRow);
}

Result<std::optional<NodeTaskRecord>> NodeTaskRepository::FindByOperation(store::Session& session,
                                                                          std::string_view operation_id,
                                                                          std::string_view kind) {
  return QueryOne<NodeTaskRecord>(session, std::string(kSelect) + "WHERE operation_id = ? AND kind = ?",
                                  {std::string(operation_id), std::string(kind)}, FromRow);
}

Result<std::vector<NodeTaskRecord>> NodeTaskRepository::ListByNode(store::Session& session, std::string_view node_id,
                                                                   std::int64_t limit) {
  return QueryAll<NodeTaskRecord>(session,
                                  std::string(kSelect) + "WHERE node_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                                  {std::string(node_id), limit}, FromRow);
}

Result<std::vector<NodeTaskRecord>> NodeTaskRepository::QueuedFor(store::Session& session, std::string_view node_id) {
  return QueryAll<NodeTaskRecord>(
      session, std::string(kSelect) + "WHERE node_id = ? AND state = 'queued' ORDER BY created_at, id",
      {std::string(node_id)}, FromRow);
}

Result<std::vector<NodeTaskRecord>> NodeTaskRepository::Queued(store::Session& session, std::int64_t limit) {
  return QueryAll<NodeTaskRecord>(
      session, std::string(kSelect) + "WHERE state = 'queued' ORDER BY created_at, id LIMIT ?", {limit}, FromRow);
}

Result<bool> NodeTaskRepository::MarkSent(store::Session& session, std::string_view id, Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto changed, session.Execute("UPDATE node_tasks SET state = 'sent', updated_at = ? "
                                                              "WHERE id = ? AND state = 'queued'",
                                                              {TimeValue(now), std::string(id)}));
  return changed == 1;
}

Result<bool> NodeTaskRepository::Advance(store::Session& session, std::string_view id, std::string_view state,
                                         std::string_view result, const std::optional<std::string>& error,
                                         Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto changed,
                          session.Execute("UPDATE node_tasks SET state = ?, result = ?, error = ?, updated_at = ? "
                                          "WHERE id = ? AND state NOT IN ('succeeded', 'failed', 'expired')",
                                          {std::string(state), std::string(result), OptionalTextValue(error),
                                           TimeValue(now), std::string(id)}));
  return changed == 1;
}

}  // namespace gpuaas::repositories
