#pragma once

#include <string>

#include "repositories/fleet/node_repository.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::services {

// Copies what the read models filter and show from an agent's inventory onto the node:
// hostname, GPU model and count, simulated, agent version, and the inventory itself.
void ApplyInventory(repositories::NodeRecord& node, const wire::fleet::HostInventory& inventory, Timestamp now);

// A node name from a hostname: lower-case [a-z0-9-], at most 50 characters; "node" when
// nothing usable is left.
std::string NodeNameFromHostname(std::string_view hostname);

}  // namespace gpuaas::services
