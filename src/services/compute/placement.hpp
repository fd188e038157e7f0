#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::services {

// A node as the placement engine sees it. `slice_sizes` comes from SliceSizesFor (fleet_rules.hpp):
// a workload of N GPUs may land on the node only if N is one of them.
struct PlacementNode {
  std::string id;
  std::string gpu_model;
  std::string region;
  int gpu_count = 8;  // 1 to 64
  std::vector<int> slice_sizes;
  bool schedulable = true;  // false while cordoned, draining, offline
};

struct PlacementRequest {
  std::string id;
  int gpus = 1;
  std::string gpu_model;             // must match the node's exactly
  std::vector<std::string> regions;  // empty: any region
  int priority = 0;                  // higher first
  std::int64_t sequence = 0;         // arrival order; a retry keeps its original sequence
};

// GPUs [first_gpu, first_gpu + gpus) of one node.
struct Placement {
  std::string node_id;
  int first_gpu = 0;
  int gpus = 0;
  bool operator==(const Placement&) const = default;
};

// What the index holds for one node: its description and which GPUs are taken (bit i = GPU i).
struct NodeOccupancy {
  PlacementNode node;
  std::uint64_t taken = 0;
  bool removed = false;  // removed from scheduling but still holding claims
};

enum class WaitReason {
  kNoCapacity,                // nothing of that model, region and size is free now
  kWaitingForEarlierRequest,  // it would fit, but only on a node held for an earlier request
};
std::string_view WaitReasonName(WaitReason reason);  // "no_capacity", "waiting_for_earlier_request"

struct PlannedPlacement {
  std::string request_id;
  Placement placement;
};
struct WaitingRequest {
  std::string request_id;
  WaitReason reason;
  std::string reserved_node_id;  // the node held for this request, if one was
};
struct QueuePlan {
  std::vector<PlannedPlacement> placed;  // in queue order
  std::vector<WaitingRequest> waiting;   // in queue order
};

// The in-memory view of which GPUs of the fleet are free, indexed so that a placement decision
// costs O(regions × log nodes), not a scan of the fleet. Pure logic: no I/O, no clock, no locks
// (the owner serialises calls). A workload takes an aligned block of consecutive GPUs on one node
// (a block of N starts at a multiple of N), so the free space of a node stays in buddy-style
// blocks, and no GPU is ever in two blocks: Claim and Place refuse to overlap.
class PlacementIndex {
 public:
  // Adds or replaces a node. Its claims are kept; fails if they do not fit a smaller gpu_count.
  Status Upsert(PlacementNode node);
  // Takes the node out of scheduling. Its claims stay until released (and return with a later
  // Upsert of the same id); a removed node without claims is forgotten.
  Status Remove(std::string_view node_id);
  Status SetSchedulable(std::string_view node_id, bool schedulable);

  // Records an existing assignment (start-up load). Refuses GPUs that are already taken.
  Status Claim(std::string_view node_id, int first_gpu, int gpus);
  // Frees an assignment; every GPU of it must be taken.
  Status Release(std::string_view node_id, int first_gpu, int gpus);

  // The best-fit block for `request` without taking it: the schedulable node of that model and
  // region with the fewest free GPUs that still has a free aligned block of that size, and on it
  // the block inside the most-used larger block, so that big free blocks stay whole.
  [[nodiscard]] std::optional<Placement> Choose(const PlacementRequest& request) const;
  // Choose, then claim the block.
  std::optional<Placement> Place(const PlacementRequest& request);

  // Places what it can of `pending`, claiming each placement it returns (release the ones the
  // caller then fails to start), and says why each other request waits. See placement.cpp for
  // the fairness rule.
  QueuePlan PlanQueue(std::span<const PlacementRequest> pending);

  // How many more workloads of `gpus` GPUs of `gpu_model` fit now (each size counted on its own:
  // the figures for 1 and 8 GPUs share the same free GPUs). Empty regions: all regions.
  [[nodiscard]] std::int64_t AvailableUnits(std::string_view gpu_model, int gpus,
                                            std::span<const std::string> regions = {}) const;

  [[nodiscard]] std::optional<NodeOccupancy> Find(std::string_view node_id) const;
  [[nodiscard]] std::size_t size() const { return slot_by_id_.size(); }
  // Recounts every node and compares with the index (for tests): Internal error on a mismatch.
  [[nodiscard]] Status Verify() const;

 private:
  using Slot = std::uint32_t;
  // The nodes that have a free aligned block of one size, by (free GPUs, slot): best fit first.
  struct SizeIndex {
    std::set<std::pair<int, Slot>> nodes;
    std::int64_t free_blocks = 0;  // aligned free blocks of that size, over those nodes
    bool operator==(const SizeIndex&) const = default;
  };
  // The schedulable nodes of one (model, region).
  struct Pool {
    std::set<Slot> members;
    std::map<int, SizeIndex> by_size;
    bool operator==(const Pool&) const = default;
  };
  using Pools = std::map<std::string, std::map<std::string, Pool, std::less<>>, std::less<>>;  // model, region
  using Reserved = std::set<Slot>;
  struct Pick {
    Slot slot;
    int first_gpu;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  template <typename Visit>
  void ForEachPool(std::string_view gpu_model, std::span<const std::string> regions, Visit&& visit) const;
  [[nodiscard]] std::optional<Pick> Best(const PlacementRequest& request, const Reserved& reserved) const;
  [[nodiscard]] std::optional<Slot> ClosestToFitting(const PlacementRequest& request, const Reserved& reserved) const;
  [[nodiscard]] bool PoolHasReservation(const PlacementRequest& request, const Reserved& reserved) const;
  [[nodiscard]] Result<Slot> SlotOf(std::string_view node_id) const;
  [[nodiscard]] Placement ToPlacement(const Pick& pick, int gpus) const;
  void IndexInto(Pools& pools, Slot slot) const;
  void Unindex(Slot slot);
  void Apply(Slot slot, std::uint64_t mask, bool take);
  void Forget(Slot slot);

  std::vector<std::optional<NodeOccupancy>> nodes_;  // by slot; empty slots are reused
  std::vector<Slot> free_slots_;
  std::unordered_map<std::string, Slot, StringHash, std::equal_to<>> slot_by_id_;
  Pools pools_;
};

}  // namespace gpuaas::services
