#pragma once

#include <optional>
#include <string_view>

namespace gpuaas::services {

// A node's lifecycle state as people and the scheduler see it. It is derived from two things
// kept apart in storage: what the operator asked for (scheduling: schedulable, cordoned,
// draining; or retired) and liveness (the agent's socket and heartbeats). A cordoned node whose
// agent drops off is offline, and cordoned again when it comes back.
enum class NodeState { kEnrolling, kOnline, kOffline, kCordoned, kDraining, kRetired };
enum class Scheduling { kSchedulable, kCordoned, kDraining };

std::string_view NodeStateName(NodeState state);
std::optional<NodeState> ParseNodeState(std::string_view name);
std::string_view SchedulingName(Scheduling scheduling);
std::optional<Scheduling> ParseScheduling(std::string_view name);

struct NodeLiveness {
  bool retired = false;
  bool ever_connected = false;  // a heartbeat or hello has been seen since enrollment
  bool alive = false;           // connected and heartbeating within the offline window
};

NodeState DeriveNodeState(Scheduling scheduling, const NodeLiveness& liveness);

// The transition table: which state changes the platform makes. Retired is final; everything
// else can drop to offline and come back.
bool CanTransition(NodeState from, NodeState to);

}  // namespace gpuaas::services
