#pragma once

#include "services/fleet/agent_release_service.hpp"
#include "services/fleet/node_service.hpp"
#include "services/fleet/node_task_service.hpp"
#include "services/operations/operation_registry.hpp"

namespace gpuaas::services {

// The "node" target (platform admins only; others get not_found) and the node lifecycle
// operations, grouped by intent: inspect (probe, refresh inventory, collect diagnostics),
// recovery (repair agent, rotate certificate, update agent), maintenance (cordon, drain, resume) and
// destructive (retire, remove; typed confirmation, blocked while workloads run).
void RegisterFleetOperations(OperationRegistry& registry, NodeService& nodes, NodeTaskService& tasks,
                             const AgentReleaseService& releases);

}  // namespace gpuaas::services
