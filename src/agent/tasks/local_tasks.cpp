#include "agent/tasks/local_tasks.hpp"

#include <optional>

namespace gpuaas::agent::tasks {

namespace fleet = wire::fleet;

bool IsSessionTask(std::string_view kind) {
  return kind == fleet::kTaskRestartAgent || kind == fleet::kTaskRenewCertificate || kind == fleet::kTaskSelfUpdate;
}

Result<boost::json::object> RefreshInventoryTask(const TaskEnvironment& environment) {
  GPUAAS_ASSIGN_OR_RETURN(const auto collected, inventory::CollectInventory(environment.inventory));
  return boost::json::object{{"inventory", fleet::ToJson(collected.inventory)}};
}

// No workloads run on an agent yet, so a drain has nothing to stop; it still checks its parameter
// so a server bug shows up now rather than when workloads exist.
Result<boost::json::object> DrainTask(const boost::json::object& params) {
  for (const auto& [key, value] : params) {
    if (key != "timeout_seconds") return Error::InvalidArgument(std::string(key), "is not a drain parameter");
    if (!value.is_int64() && !value.is_uint64()) {
      return Error::InvalidArgument("timeout_seconds", "must be a non-negative integer");
    }
    if (value.is_int64() && value.as_int64() < 0) {
      return Error::InvalidArgument("timeout_seconds", "must be a non-negative integer");
    }
  }
  return boost::json::object{{"workloads_stopped", 0}};
}

namespace {

// The result of a kind this file knows; std::nullopt for any other.
std::optional<Result<boost::json::object>> ResultOf(const fleet::TaskFrame& task, const TaskEnvironment& environment) {
  if (task.kind == fleet::kTaskProbe) return ProbeTask(environment);
  if (task.kind == fleet::kTaskRefreshInventory) return RefreshInventoryTask(environment);
  if (task.kind == fleet::kTaskCollectDiagnostics) return DiagnosticsTask(environment);
  if (task.kind == fleet::kTaskDrain) return DrainTask(task.params);
  if (IsWorkloadTask(task.kind)) return WorkloadTask(task, environment);
  return std::nullopt;
}

}  // namespace

std::vector<fleet::TaskUpdateFrame> RunLocalTask(const fleet::TaskFrame& task, const TaskEnvironment& environment) {
  std::vector<fleet::TaskUpdateFrame> updates{RunningUpdate(task.task_id)};
  auto result = ResultOf(task, environment);
  if (!result) {
    updates.push_back(FailedUpdate(task.task_id, "unknown task kind: " + task.kind));
  } else if (*result) {
    updates.push_back(SucceededUpdate(task.task_id, std::move(*result).value()));
  } else {
    updates.push_back(FailedUpdate(task.task_id, result->error().message()));
  }
  return updates;
}

}  // namespace gpuaas::agent::tasks
