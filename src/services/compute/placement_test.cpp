#include "services/compute/placement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <map>
#include <random>

#include "services/fleet/fleet_rules.hpp"

namespace gpuaas::services {
namespace {

PlacementNode Node(std::string id, std::string model = "H100", std::string region = "eu",
                   std::string_view profile = "standard", int gpus = 8) {
  return {std::move(id), std::move(model), std::move(region), gpus, SliceSizesFor(*FindNodeProfile(profile), gpus)};
}

PlacementRequest Request(std::string id, int gpus, std::int64_t sequence = 0, int priority = 0,
                         std::string model = "H100", std::vector<std::string> regions = {}) {
  return {std::move(id), gpus, std::move(model), std::move(regions), priority, sequence};
}

std::vector<std::string> PlacedIds(const QueuePlan& plan) {
  std::vector<std::string> ids;
  for (const auto& placed : plan.placed) ids.push_back(placed.request_id);
  return ids;
}

TEST(PlacementIndex, PacksSmallRequestsOntoPartlyUsedNodes) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  ASSERT_TRUE(index.Upsert(Node("b")).ok());
  ASSERT_TRUE(index.Upsert(Node("c")).ok());
  ASSERT_TRUE(index.Claim("b", 0, 1).ok());

  // b is the fullest node that fits; on it GPU 1 (its pair is broken already), not GPU 2.
  EXPECT_EQ(index.Place(Request("r1", 1)), (Placement{"b", 1, 1}));
  EXPECT_EQ(index.Place(Request("r2", 2)), (Placement{"b", 2, 2}));
  EXPECT_EQ(index.Place(Request("r3", 4)), (Placement{"b", 4, 4}));
  // b is full; a and c are equally empty, a comes first; then a keeps filling.
  EXPECT_EQ(index.Place(Request("r4", 1)), (Placement{"a", 0, 1}));
  EXPECT_EQ(index.Place(Request("r5", 1)), (Placement{"a", 1, 1}));
  EXPECT_EQ(index.AvailableUnits("H100", 8), 1);  // c stays whole
  EXPECT_TRUE(index.Verify().ok());
}

TEST(PlacementIndex, BlocksAreAligned) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  ASSERT_TRUE(index.Claim("a", 0, 1).ok());
  ASSERT_TRUE(index.Claim("a", 5, 1).ok());
  // Six GPUs are free but no aligned four: {0-3} and {4-7} each have one taken.
  EXPECT_EQ(index.Choose(Request("r", 4)), std::nullopt);
  EXPECT_EQ(index.AvailableUnits("H100", 4), 0);
  EXPECT_EQ(index.AvailableUnits("H100", 2), 2);  // {2,3} and {6,7}
  EXPECT_EQ(index.AvailableUnits("H100", 1), 6);
  EXPECT_EQ(index.Place(Request("r", 2)), (Placement{"a", 2, 2}));
  EXPECT_EQ(index.Place(Request("r", 1)), (Placement{"a", 1, 1}));
  EXPECT_EQ(index.Place(Request("r", 2)), (Placement{"a", 6, 2}));
  EXPECT_EQ(index.Place(Request("r", 2)), std::nullopt);
  EXPECT_EQ(index.Place(Request("r", 1)), (Placement{"a", 4, 1}));
}

TEST(PlacementIndex, WholeNodeProfileOffersOnlyTheNode) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("whole", "H100", "eu", "whole-node")).ok());
  EXPECT_EQ(index.Choose(Request("r", 1)), std::nullopt);
  EXPECT_EQ(index.Choose(Request("r", 4)), std::nullopt);
  EXPECT_EQ(index.AvailableUnits("H100", 1), 0);
  EXPECT_EQ(index.AvailableUnits("H100", 8), 1);
  EXPECT_EQ(index.Place(Request("r", 8)), (Placement{"whole", 0, 8}));
  EXPECT_EQ(index.AvailableUnits("H100", 8), 0);
}

TEST(PlacementIndex, MatchesModelAndRegion) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("eu-a100", "A100", "eu")).ok());
  ASSERT_TRUE(index.Upsert(Node("us-h100", "H100", "us")).ok());
  ASSERT_TRUE(index.Upsert(Node("eu-h100", "H100", "eu")).ok());
  ASSERT_TRUE(index.Claim("us-h100", 0, 1).ok());  // the better fit, unless the region rules it out

  EXPECT_EQ(index.Choose(Request("r", 1))->node_id, "us-h100");
  EXPECT_EQ(index.Choose(Request("r", 1, 0, 0, "H100", {"eu"}))->node_id, "eu-h100");
  EXPECT_EQ(index.Choose(Request("r", 1, 0, 0, "H100", {"ap", "eu"}))->node_id, "eu-h100");
  EXPECT_EQ(index.Choose(Request("r", 1, 0, 0, "A100"))->node_id, "eu-a100");
  EXPECT_EQ(index.Choose(Request("r", 1, 0, 0, "A100", {"us"})), std::nullopt);
  EXPECT_EQ(index.Choose(Request("r", 1, 0, 0, "L40S")), std::nullopt);
  EXPECT_EQ(index.Choose(Request("r", 1, 0, 0, "")), std::nullopt);
  const std::vector<std::string> eu{"eu", "eu"};  // listed twice, counted once
  EXPECT_EQ(index.AvailableUnits("H100", 8, eu), 1);
  EXPECT_EQ(index.AvailableUnits("H100", 1), 15);
}

TEST(PlacementIndex, NeverChoosesUnschedulableNodesAndKeepsTheirClaims) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  ASSERT_TRUE(index.Upsert(Node("b")).ok());
  ASSERT_TRUE(index.Claim("a", 0, 4).ok());
  ASSERT_TRUE(index.SetSchedulable("a", false).ok());
  EXPECT_EQ(index.Choose(Request("r", 4))->node_id, "b");
  EXPECT_EQ(index.Find("a")->taken, 0x0FU);

  auto cordoned = Node("b");
  cordoned.schedulable = false;
  ASSERT_TRUE(index.Upsert(cordoned).ok());
  EXPECT_EQ(index.Choose(Request("r", 1)), std::nullopt);
  EXPECT_EQ(index.AvailableUnits("H100", 1), 0);

  // Removed, a keeps its claim: Claim still refuses the GPUs, a later Upsert brings them back.
  ASSERT_TRUE(index.Remove("a").ok());
  EXPECT_TRUE(index.Find("a")->removed);
  EXPECT_EQ(index.Claim("a", 2, 2).error().code(), ErrorCode::kConflict);
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  EXPECT_EQ(index.Find("a")->taken, 0x0FU);
  EXPECT_EQ(index.Place(Request("r", 4)), (Placement{"a", 4, 4}));

  // A removed node is forgotten once its last claim is released.
  ASSERT_TRUE(index.Remove("a").ok());
  ASSERT_TRUE(index.Release("a", 0, 4).ok());
  ASSERT_TRUE(index.Find("a").has_value());
  ASSERT_TRUE(index.Release("a", 4, 4).ok());
  EXPECT_FALSE(index.Find("a").has_value());
  EXPECT_EQ(index.Remove("a").error().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(index.Verify().ok());
}

TEST(PlacementIndex, RefusesToDoubleBook) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  ASSERT_TRUE(index.Claim("a", 0, 4).ok());
  EXPECT_EQ(index.Claim("a", 2, 2).error().code(), ErrorCode::kConflict);
  EXPECT_EQ(index.Claim("a", 3, 1).error().code(), ErrorCode::kConflict);
  EXPECT_EQ(index.Claim("a", 6, 4).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(index.Claim("a", -1, 1).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(index.Claim("nope", 0, 1).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(index.Release("a", 4, 1).error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(index.Release("a", 2, 4).error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(index.Find("a")->taken, 0x0FU);
  // Shrinking the node under its claims is refused too.
  EXPECT_EQ(index.Upsert(Node("a", "H100", "eu", "standard", 2)).error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(index.Upsert(Node("a", "H100", "eu", "standard", 65)).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(index.Verify().ok());
}

TEST(PlacementQueue, OrdersByPriorityThenArrival) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  ASSERT_TRUE(index.Claim("a", 0, 5).ok());  // three GPUs left
  const std::vector<PlacementRequest> pending{Request("late", 1, 30), Request("urgent", 1, 40, 5),
                                              Request("early", 1, 10), Request("middle", 1, 20),
                                              Request("low", 1, 1, -1)};
  const QueuePlan plan = index.PlanQueue(pending);
  EXPECT_EQ(PlacedIds(plan), (std::vector<std::string>{"urgent", "early", "middle"}));
  ASSERT_EQ(plan.waiting.size(), 2U);
  EXPECT_EQ(plan.waiting[0].request_id, "late");
  EXPECT_EQ(plan.waiting[1].request_id, "low");
  EXPECT_EQ(plan.waiting[0].reason, WaitReason::kNoCapacity);
  EXPECT_EQ(WaitReasonName(plan.waiting[0].reason), "no_capacity");
}

TEST(PlacementQueue, RetryKeepsItsPlaceInTheQueue) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a", "H100", "eu", "whole-node")).ok());
  const QueuePlan first = index.PlanQueue(std::vector{Request("job-1", 8, 1)});
  ASSERT_EQ(PlacedIds(first), (std::vector<std::string>{"job-1"}));
  // The workload failed to start: its GPUs come back and it is retried with its own sequence,
  // behind a request that arrived meanwhile in the caller's list.
  ASSERT_TRUE(index.Release("a", 0, 8).ok());
  const QueuePlan retry = index.PlanQueue(std::vector{Request("job-2", 8, 2), Request("job-1", 8, 1)});
  EXPECT_EQ(PlacedIds(retry), (std::vector<std::string>{"job-1"}));
  ASSERT_EQ(retry.waiting.size(), 1U);
  EXPECT_EQ(retry.waiting[0].request_id, "job-2");
}

// Node a is full of 1-GPU workloads, b has one. Without a reservation, each 1-GPU request would
// take the best fit, b, and the 8-GPU request at the head of the queue would never fit.
TEST(PlacementQueue, LargeRequestAtTheHeadIsNotStarvedBySmallOnes) {
  PlacementIndex index;
  ASSERT_TRUE(index.Upsert(Node("a")).ok());
  ASSERT_TRUE(index.Upsert(Node("b")).ok());
  ASSERT_TRUE(index.Claim("a", 0, 8).ok());
  ASSERT_TRUE(index.Claim("b", 3, 1).ok());

  std::vector<PlacementRequest> pending{Request("big", 8, 1)};
  std::int64_t sequence = 2;
  for (int round = 0; round < 8; ++round) {
    pending.push_back(Request("small-" + std::to_string(sequence), 1, sequence));
    ++sequence;
    const QueuePlan plan = index.PlanQueue(pending);
    ASSERT_FALSE(plan.waiting.empty());
    EXPECT_EQ(plan.waiting[0].request_id, "big");
    EXPECT_EQ(plan.waiting[0].reason, WaitReason::kNoCapacity);
    EXPECT_EQ(plan.waiting[0].reserved_node_id, "b");
    EXPECT_EQ(index.Find("b")->taken, 0x08U) << "round " << round;
    // The small ones backfill a as its GPUs free, one per round; the newest waits on b.
    for (const auto& placed : plan.placed) EXPECT_EQ(placed.placement.node_id, "a");
    std::erase_if(pending, [&](const PlacementRequest& request) {
      return std::any_of(plan.placed.begin(), plan.placed.end(),
                         [&](const PlannedPlacement& placed) { return placed.request_id == request.id; });
    });
    ASSERT_EQ(pending.size(), 2U);
    EXPECT_EQ(plan.waiting[1].reason, WaitReason::kWaitingForEarlierRequest);
    EXPECT_EQ(WaitReasonName(plan.waiting[1].reason), "waiting_for_earlier_request");
    EXPECT_EQ(plan.waiting[1].reserved_node_id, "");
    ASSERT_TRUE(index.Release("a", round, 1).ok());
  }
  ASSERT_TRUE(index.Release("b", 3, 1).ok());
  const QueuePlan plan = index.PlanQueue(pending);
  ASSERT_FALSE(plan.placed.empty());
  EXPECT_EQ(plan.placed[0].request_id, "big");
  EXPECT_EQ(plan.placed[0].placement, (Placement{"b", 0, 8}));
}

TEST(PlacementQueue, ReservationHoldsOnlyTheClosestNode) {
  PlacementIndex index;
  for (const auto* id : {"a", "b", "c"}) ASSERT_TRUE(index.Upsert(Node(id)).ok());
  ASSERT_TRUE(index.Claim("a", 0, 2).ok());
  ASSERT_TRUE(index.Claim("b", 0, 1).ok());  // b is closest to fitting 8
  ASSERT_TRUE(index.Claim("c", 4, 4).ok());
  const QueuePlan plan = index.PlanQueue(
      std::vector{Request("big", 8, 1), Request("big-2", 8, 2), Request("s1", 1, 3), Request("s2", 4, 4)});
  EXPECT_EQ(PlacedIds(plan), (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(plan.placed[0].placement.node_id, "c");  // best fit apart from b
  EXPECT_EQ(plan.placed[1].placement.node_id, "a");
  ASSERT_EQ(plan.waiting.size(), 2U);
  EXPECT_EQ(plan.waiting[0].reserved_node_id, "b");
  EXPECT_EQ(plan.waiting[1].reserved_node_id, "");  // waits behind "big": one reservation per pool
  EXPECT_EQ(index.Find("b")->taken, 0x01U);
  // Another region is another pool: its requests neither wait for nor reserve eu nodes.
  ASSERT_TRUE(index.Upsert(Node("us", "H100", "us")).ok());
  const QueuePlan other =
      index.PlanQueue(std::vector{Request("big", 8, 1, 0, "H100", {"eu"}), Request("us-1", 8, 2, 0, "H100", {"us"})});
  EXPECT_EQ(PlacedIds(other), (std::vector<std::string>{"us-1"}));
}

// Random launches (single and queued), releases, cordons, removals and claims against a
// brute-force model of every GPU's owner.
TEST(PlacementIndex, RandomOperationsNeverDoubleBook) {
  const std::vector<std::string> models{"H100", "A100"};
  const std::vector<std::string> regions{"eu", "us", "ap"};
  for (const std::uint32_t seed : {1U, 2U, 3U, 4U, 5U, 6U}) {
    std::mt19937 random(seed);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<std::uint32_t>(n)); };
    PlacementIndex index;
    std::map<std::string, PlacementNode> nodes;     // as last upserted
    std::map<std::string, bool> removed;            // node id -> removed
    std::map<std::string, std::vector<int>> owner;  // node id -> owner of each GPU, -1 when free
    std::map<int, Placement> live;
    int next_owner = 0;
    int next_request = 0;
    for (int n = 0; n < 14; ++n) {
      auto node = Node("n" + std::to_string(n), models[pick(2)], regions[pick(3)],
                       pick(4) == 0 ? "whole-node" : "standard", pick(6) == 0 ? 4 : 8);
      ASSERT_TRUE(index.Upsert(node).ok());
      owner[node.id].assign(static_cast<std::size_t>(node.gpu_count), -1);
      removed[node.id] = false;
      nodes[node.id] = std::move(node);
    }
    const auto eligible = [&](const PlacementNode& node, const PlacementRequest& request) {
      return !removed[node.id] && node.schedulable && node.gpu_model == request.gpu_model &&
             std::find(node.slice_sizes.begin(), node.slice_sizes.end(), request.gpus) != node.slice_sizes.end() &&
             (request.regions.empty() ||
              std::find(request.regions.begin(), request.regions.end(), node.region) != request.regions.end());
    };
    const auto free_blocks = [&](const std::string& id, int gpus) {
      int blocks = 0;
      for (int first = 0; first + gpus <= nodes[id].gpu_count; first += gpus) {
        const auto& gpu = owner[id];
        blocks += std::all_of(gpu.begin() + first, gpu.begin() + first + gpus, [](int o) { return o < 0; });
      }
      return blocks;
    };
    const auto free_gpus = [&](const std::string& id) {
      return static_cast<int>(std::count(owner[id].begin(), owner[id].end(), -1));
    };
    const auto record = [&](const PlacementRequest& request, const Placement& placement) {
      const PlacementNode& node = nodes.at(placement.node_id);
      ASSERT_TRUE(eligible(node, request)) << placement.node_id;
      ASSERT_EQ(placement.gpus, request.gpus);
      ASSERT_EQ(placement.first_gpu % placement.gpus, 0);
      for (int gpu = placement.first_gpu; gpu < placement.first_gpu + placement.gpus; ++gpu) {
        ASSERT_EQ(owner[node.id][static_cast<std::size_t>(gpu)], -1) << "GPU " << gpu << " of " << node.id;
        owner[node.id][static_cast<std::size_t>(gpu)] = next_owner;
      }
      live[next_owner++] = placement;
    };
    const auto random_request = [&]() {
      const int sizes[] = {1, 1, 1, 2, 2, 4, 8};
      PlacementRequest request =
          Request("r" + std::to_string(next_request++), sizes[pick(7)], pick(1000), pick(3), models[pick(2)]);
      if (pick(3) == 0) request.regions = {regions[pick(3)]};
      return request;
    };

    for (int step = 0; step < 1500; ++step) {
      const int action = pick(20);
      if (action < 8) {  // place one, checking best fit against a scan of every node
        const PlacementRequest request = random_request();
        int fewest_free = 1000;
        for (const auto& [id, node] : nodes) {
          if (eligible(node, request) && free_blocks(id, request.gpus) > 0)
            fewest_free = std::min(fewest_free, free_gpus(id));
        }
        const auto placement = index.Place(request);
        ASSERT_EQ(placement.has_value(), fewest_free < 1000) << "seed " << seed << " step " << step;
        if (placement) {
          ASSERT_EQ(free_gpus(placement->node_id), fewest_free);
          record(request, *placement);
        }
      } else if (action < 10) {  // plan a small queue
        std::vector<PlacementRequest> pending;
        for (int i = pick(6); i >= 0; --i) pending.push_back(random_request());
        const QueuePlan plan = index.PlanQueue(pending);
        ASSERT_EQ(plan.placed.size() + plan.waiting.size(), pending.size());
        for (const auto& placed : plan.placed) {
          const auto request = std::find_if(pending.begin(), pending.end(),
                                            [&](const PlacementRequest& r) { return r.id == placed.request_id; });
          ASSERT_NE(request, pending.end());
          record(*request, placed.placement);
        }
      } else if (action < 16 && !live.empty()) {  // release one
        auto it = live.begin();
        std::advance(it, pick(static_cast<int>(live.size())));
        ASSERT_TRUE(index.Release(it->second.node_id, it->second.first_gpu, it->second.gpus).ok());
        for (int gpu = it->second.first_gpu; gpu < it->second.first_gpu + it->second.gpus; ++gpu) {
          owner[it->second.node_id][static_cast<std::size_t>(gpu)] = -1;
        }
        if (removed[it->second.node_id] && free_gpus(it->second.node_id) == nodes[it->second.node_id].gpu_count) {
          EXPECT_FALSE(index.Find(it->second.node_id).has_value());
        }
        live.erase(it);
      } else if (action < 18) {  // cordon or uncordon, remove or bring back
        auto it = nodes.begin();
        std::advance(it, pick(static_cast<int>(nodes.size())));
        if (pick(2) == 0) {
          it->second.schedulable = !it->second.schedulable;
          ASSERT_TRUE(removed[it->first] ? index.Upsert(it->second).ok()
                                         : index.SetSchedulable(it->first, it->second.schedulable).ok());
          removed[it->first] = false;
        } else if (removed[it->first]) {
          ASSERT_TRUE(index.Upsert(it->second).ok());
          removed[it->first] = false;
        } else {
          ASSERT_TRUE(index.Remove(it->first).ok());
          removed[it->first] = true;
        }
      } else {  // claim a random range: refused exactly when it overlaps
        auto it = nodes.begin();
        std::advance(it, pick(static_cast<int>(nodes.size())));
        const int gpus = 1 + pick(3);
        const int first = pick(it->second.gpu_count - gpus + 1);
        const auto& gpu = owner[it->first];
        const bool overlaps =
            std::any_of(gpu.begin() + first, gpu.begin() + first + gpus, [](int o) { return o >= 0; });
        const bool known = index.Find(it->first).has_value();
        const Status claimed = index.Claim(it->first, first, gpus);
        ASSERT_EQ(claimed.ok(), known && !overlaps) << "seed " << seed << " step " << step;
        if (claimed) {
          for (int g = first; g < first + gpus; ++g) owner[it->first][static_cast<std::size_t>(g)] = next_owner;
          live[next_owner++] = Placement{it->first, first, gpus};
        }
      }

      ASSERT_TRUE(index.Verify().ok()) << "seed " << seed << " step " << step;
      for (const auto& [id, gpu] : owner) {
        std::uint64_t taken = 0;
        for (std::size_t g = 0; g < gpu.size(); ++g) taken |= gpu[g] >= 0 ? std::uint64_t{1} << g : 0;
        const auto found = index.Find(id);
        ASSERT_EQ(found.has_value(), !removed[id] || taken != 0) << id;
        if (found) {
          ASSERT_EQ(found->taken, taken) << "seed " << seed << " step " << step << " node " << id;
        }
      }
      for (const auto& model : models) {
        for (const int gpus : {1, 2, 4, 8}) {
          std::int64_t expected = 0;
          for (const auto& [id, node] : nodes) {
            if (eligible(node, Request("count", gpus, 0, 0, model))) expected += free_blocks(id, gpus);
          }
          ASSERT_EQ(index.AvailableUnits(model, gpus), expected) << model << " x" << gpus << " step " << step;
        }
      }
    }
  }
}

}  // namespace
}  // namespace gpuaas::services
