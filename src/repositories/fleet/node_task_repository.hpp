#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct NodeTaskRecord {
  std::string id;
  std::string node_id;
  std::optional<std::string> operation_id;
  std::string kind;
  std::string params;  // JSON object
  std::string state;   // queued | sent | running | succeeded | failed | expired
  std::string result;  // JSON object
  std::optional<std::string> error;
  Timestamp created_at;
  Timestamp updated_at;
};

class NodeTaskRepository {
 public:
  // One task per (operation, kind): a second insert for the same step is a `conflict`.
  static Status Insert(store::Session& session, const NodeTaskRecord& task);
  static Result<std::optional<NodeTaskRecord>> Find(store::Session& session, std::string_view id);
  static Result<std::optional<NodeTaskRecord>> FindByOperation(store::Session& session, std::string_view operation_id,
                                                               std::string_view kind);
  // Newest first.
  static Result<std::vector<NodeTaskRecord>> ListByNode(store::Session& session, std::string_view node_id,
                                                        std::int64_t limit);
  // Tasks not yet handed to the agent, oldest first.
  static Result<std::vector<NodeTaskRecord>> QueuedFor(store::Session& session, std::string_view node_id);
  // Queued tasks of every node, oldest first: one query per delivery round of a replica.
  static Result<std::vector<NodeTaskRecord>> Queued(store::Session& session, std::int64_t limit);
  // Moves a task forward; a task already finished is left alone (late or repeated updates).
  // queued -> sent; false when it is no longer queued (another replica handed it out, or it expired).
  static Result<bool> MarkSent(store::Session& session, std::string_view id, Timestamp now);
  static Result<bool> Advance(store::Session& session, std::string_view id, std::string_view state,
                              std::string_view result, const std::optional<std::string>& error, Timestamp now);
};

}  // namespace gpuaas::repositories
