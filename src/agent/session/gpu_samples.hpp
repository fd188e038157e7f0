#pragma once

#include <vector>

#include "wire/fleet/agent_protocol.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::agent::session {

// The live half of each GPU for a heartbeat; the static facts went out in the hello's inventory.
// Simulated GPUs report their simulation's idle figures, like the inventory does.
std::vector<wire::fleet::GpuSample> SamplesOf(const std::vector<wire::fleet::GpuInfo>& gpus);

}  // namespace gpuaas::agent::session
