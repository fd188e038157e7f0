#include "services/fleet/node_state.hpp"

#include <array>
#include <utility>

namespace gpuaas::services {
namespace {

constexpr std::array kStates{std::pair{NodeState::kEnrolling, std::string_view("enrolling")},
                             std::pair{NodeState::kOnline, std::string_view("online")},
                             std::pair{NodeState::kOffline, std::string_view("offline")},
                             std::pair{NodeState::kCordoned, std::string_view("cordoned")},
                             std::pair{NodeState::kDraining, std::string_view("draining")},
                             std::pair{NodeState::kRetired, std::string_view("retired")}};

constexpr std::array kSchedulings{std::pair{Scheduling::kSchedulable, std::string_view("schedulable")},
                                  std::pair{Scheduling::kCordoned, std::string_view("cordoned")},
                                  std::pair{Scheduling::kDraining, std::string_view("draining")}};

}  // namespace

std::string_view NodeStateName(NodeState state) {
  for (const auto& [value, name] : kStates) {
    if (value == state) return name;
  }
  return "offline";
}

std::optional<NodeState> ParseNodeState(std::string_view name) {
  for (const auto& [value, known] : kStates) {
    if (known == name) return value;
  }
  return std::nullopt;
}

std::string_view SchedulingName(Scheduling scheduling) {
  for (const auto& [value, name] : kSchedulings) {
    if (value == scheduling) return name;
  }
  return "cordoned";
}

std::optional<Scheduling> ParseScheduling(std::string_view name) {
  for (const auto& [value, known] : kSchedulings) {
    if (known == name) return value;
  }
  return std::nullopt;
}

NodeState DeriveNodeState(Scheduling scheduling, const NodeLiveness& liveness) {
  if (liveness.retired) return NodeState::kRetired;
  if (!liveness.ever_connected) return NodeState::kEnrolling;
  if (!liveness.alive) return NodeState::kOffline;
  switch (scheduling) {
    case Scheduling::kSchedulable: return NodeState::kOnline;
    case Scheduling::kCordoned: return NodeState::kCordoned;
    case Scheduling::kDraining: return NodeState::kDraining;
  }
  return NodeState::kOffline;
}

bool CanTransition(NodeState from, NodeState to) {
  if (from == to) return false;
  if (from == NodeState::kRetired) return false;  // final
  if (to == NodeState::kEnrolling) return false;  // only enrollment creates it
  // Liveness and scheduling move independently, so every other pair is reachable: an
  // enrolling node may be cordoned before its first heartbeat, any node may be retired.
  return true;
}

}  // namespace gpuaas::services
