#pragma once

#include <string>

#include "api/fleet/agent_hub.hpp"

namespace gpuaas::api {

// The agent stream's Prometheus metrics (a MetricsRegistry collector): sockets held and awaiting a
// hello, the hub's job queue, and the liveness recorder's counters, which show heartbeats
// coalesced into batches (rows per batch) rather than written one by one.
std::string RenderFleetMetrics(AgentHub& hub);

}  // namespace gpuaas::api
