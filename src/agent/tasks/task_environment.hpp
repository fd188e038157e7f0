#pragma once

#include <string>

#include "agent/inventory/collector.hpp"
#include "agent/recent_log.hpp"
#include "agent/state/state_store.hpp"
#include "shared/clock.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::agent::tasks {

// What the tasks the agent answers by itself read: its files, how it collects the inventory, the
// time, and its own recent log.
struct TaskEnvironment {
  const state::StateStore& store;
  const inventory::InventoryOptions& inventory;
  const Clock& clock;
  const RecentLogSink* recent_log = nullptr;  // null when nothing is kept (tests)
  Timestamp started_at;
};

inline wire::fleet::TaskUpdateFrame RunningUpdate(const std::string& task_id) {
  return {.task_id = task_id, .state = "running", .result = {}, .error = std::nullopt};
}
inline wire::fleet::TaskUpdateFrame SucceededUpdate(const std::string& task_id, boost::json::object result) {
  return {.task_id = task_id, .state = "succeeded", .result = std::move(result), .error = std::nullopt};
}
inline wire::fleet::TaskUpdateFrame FailedUpdate(const std::string& task_id, std::string error) {
  return {.task_id = task_id, .state = "failed", .result = {}, .error = std::move(error)};
}

}  // namespace gpuaas::agent::tasks
