#include "services/fleet/node_state.hpp"

#include <gtest/gtest.h>

namespace gpuaas::services {
namespace {

constexpr NodeState kAll[] = {NodeState::kEnrolling, NodeState::kOnline,   NodeState::kOffline,
                              NodeState::kCordoned,  NodeState::kDraining, NodeState::kRetired};

TEST(NodeState, NamesRoundTrip) {
  for (const auto state : kAll) EXPECT_EQ(ParseNodeState(NodeStateName(state)), state);
  EXPECT_FALSE(ParseNodeState("ready").has_value());
  EXPECT_EQ(ParseScheduling("draining"), Scheduling::kDraining);
  EXPECT_FALSE(ParseScheduling("online").has_value());
}

TEST(NodeState, TransitionTableWalksEveryPair) {
  for (const auto from : kAll) {
    for (const auto to : kAll) {
      const bool expected = from != to && from != NodeState::kRetired && to != NodeState::kEnrolling;
      EXPECT_EQ(CanTransition(from, to), expected) << NodeStateName(from) << " -> " << NodeStateName(to);
    }
  }
}

TEST(NodeState, DerivedFromSchedulingAndLiveness) {
  EXPECT_EQ(DeriveNodeState(Scheduling::kSchedulable, {false, false, false}), NodeState::kEnrolling);
  EXPECT_EQ(DeriveNodeState(Scheduling::kSchedulable, {false, true, true}), NodeState::kOnline);
  EXPECT_EQ(DeriveNodeState(Scheduling::kCordoned, {false, true, true}), NodeState::kCordoned);
  EXPECT_EQ(DeriveNodeState(Scheduling::kDraining, {false, true, true}), NodeState::kDraining);
  // A cordoned node that goes silent is offline; its scheduling is kept for when it returns.
  EXPECT_EQ(DeriveNodeState(Scheduling::kCordoned, {false, true, false}), NodeState::kOffline);
  EXPECT_EQ(DeriveNodeState(Scheduling::kSchedulable, {true, true, true}), NodeState::kRetired);
}

}  // namespace
}  // namespace gpuaas::services
