#pragma once

#include <string_view>
#include <vector>

#include "agent/tasks/task_environment.hpp"
#include "shared/result.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::agent::tasks {

// restart_agent, renew_certificate and self_update act on the connection or the process itself,
// so the session runs them.
bool IsSessionTask(std::string_view kind);

// A task the agent answers on its own, start to end: [running, succeeded] or [running, failed].
// Unknown kinds fail with "unknown task kind"; nothing here throws or exits.
std::vector<wire::fleet::TaskUpdateFrame> RunLocalTask(const wire::fleet::TaskFrame& task,
                                                       const TaskEnvironment& environment);

// The results, one function per kind (probe_task.cpp, diagnostics_task.cpp, local_tasks.cpp).
Result<boost::json::object> ProbeTask(const TaskEnvironment& environment);
Result<boost::json::object> RefreshInventoryTask(const TaskEnvironment& environment);
Result<boost::json::object> DiagnosticsTask(const TaskEnvironment& environment);
Result<boost::json::object> DrainTask(const boost::json::object& params);
bool IsWorkloadTask(std::string_view kind);
Result<boost::json::object> WorkloadTask(const wire::fleet::TaskFrame& task, const TaskEnvironment& environment);

}  // namespace gpuaas::agent::tasks
