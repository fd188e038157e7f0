#pragma once

#include "services/compute/workload_transitions.hpp"
#include "services/fleet/node_task_service.hpp"
#include "services/operations/operation_registry.hpp"

namespace gpuaas::services {

// The "workload" target (project viewers see it; members act on it) and its operations:
// provisioning (started by the scheduler only), release, restart, retry provisioning, rename, and
// force release (platform admins). The scheduler's periodic pass picks up GPUs they free.
// `tasks` and `transitions` must outlive the registry.
void RegisterComputeOperations(OperationRegistry& registry, NodeTaskService& tasks, WorkloadTransitions& transitions);

}  // namespace gpuaas::services
