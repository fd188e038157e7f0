#include "services/compute/placement.hpp"

#include <algorithm>
#include <bit>

namespace gpuaas::services {
namespace {

constexpr int kMaxGpus = 64;  // GPUs of a node are the bits of one std::uint64_t

std::uint64_t BlockMask(int first, int gpus) {
  const std::uint64_t bits = gpus >= kMaxGpus ? ~std::uint64_t{0} : (std::uint64_t{1} << gpus) - 1;
  return bits << first;
}

int FreeGpus(const NodeOccupancy& node) { return node.node.gpu_count - std::popcount(node.taken); }

bool Offers(const PlacementNode& node, int gpus) {
  return std::binary_search(node.slice_sizes.begin(), node.slice_sizes.end(), gpus);
}

// Aligned blocks of `gpus` GPUs (starting at multiples of `gpus`) with no GPU taken.
std::int64_t FreeAlignedBlocks(std::uint64_t taken, int gpu_count, int gpus) {
  std::int64_t blocks = 0;
  for (int first = 0; first + gpus <= gpu_count; first += gpus) blocks += (taken & BlockMask(first, gpus)) == 0;
  return blocks;
}

// The free aligned block that breaks the smallest free larger block: for each free block, the
// widest free aligned block containing it (2×, 4×, …); the narrowest of those wins, lowest first.
// So with GPU 0 taken, one GPU goes to GPU 1 (its pair is broken already), not to GPU 2.
int BuddyBestBlock(std::uint64_t taken, int gpu_count, int gpus) {
  int best = -1;
  int best_span = 0;
  for (int first = 0; first + gpus <= gpu_count; first += gpus) {
    if ((taken & BlockMask(first, gpus)) != 0) continue;
    int span = gpus;
    for (int wider = gpus * 2; wider <= gpu_count; wider *= 2) {
      const int wider_first = first / wider * wider;
      if (wider_first + wider > gpu_count || (taken & BlockMask(wider_first, wider)) != 0) break;
      span = wider;
    }
    if (best < 0 || span < best_span) {
      best = first;
      best_span = span;
    }
    if (span == gpus) break;
  }
  return best;
}

// How many GPUs must free up before an aligned block of `gpus` is free on the node.
int TakenInEmptiestBlock(std::uint64_t taken, int gpu_count, int gpus) {
  int fewest = gpus;
  for (int first = 0; first + gpus <= gpu_count; first += gpus) {
    fewest = std::min(fewest, std::popcount(taken & BlockMask(first, gpus)));
  }
  return fewest;
}

Status ValidateRange(const PlacementNode& node, int first_gpu, int gpus) {
  if (gpus < 1 || first_gpu < 0 || first_gpu + gpus > node.gpu_count) {
    return Error::InvalidArgument("gpus", "GPUs " + std::to_string(first_gpu) + ".." +
                                              std::to_string(first_gpu + gpus - 1) + " are not on node " + node.id);
  }
  return Ok();
}

}  // namespace

std::string_view WaitReasonName(WaitReason reason) {
  switch (reason) {
    case WaitReason::kNoCapacity: return "no_capacity";
    case WaitReason::kWaitingForEarlierRequest: return "waiting_for_earlier_request";
  }
  return "unknown";
}

Status PlacementIndex::Upsert(PlacementNode node) {
  if (node.id.empty()) return Error::InvalidArgument("id", "a node needs an id");
  if (node.gpu_count < 1 || node.gpu_count > kMaxGpus) {
    return Error::InvalidArgument("gpu_count", "must be 1 to " + std::to_string(kMaxGpus));
  }
  std::sort(node.slice_sizes.begin(), node.slice_sizes.end());
  node.slice_sizes.erase(std::unique(node.slice_sizes.begin(), node.slice_sizes.end()), node.slice_sizes.end());
  if (!node.slice_sizes.empty() && (node.slice_sizes.front() < 1 || node.slice_sizes.back() > node.gpu_count)) {
    return Error::InvalidArgument("slice_sizes", "must be 1 to the node's GPU count");
  }
  if (auto it = slot_by_id_.find(node.id); it != slot_by_id_.end()) {
    NodeOccupancy& current = *nodes_[it->second];
    if ((current.taken & ~BlockMask(0, node.gpu_count)) != 0) {
      return Error::FailedPrecondition("node " + node.id + " has workloads on GPUs it would no longer have");
    }
    Unindex(it->second);
    current.node = std::move(node);
    current.removed = false;
    IndexInto(pools_, it->second);
    return Ok();
  }
  Slot slot = static_cast<Slot>(nodes_.size());
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    nodes_.emplace_back();
  }
  slot_by_id_.emplace(node.id, slot);
  nodes_[slot] = NodeOccupancy{std::move(node)};
  IndexInto(pools_, slot);
  return Ok();
}

Status PlacementIndex::Remove(std::string_view node_id) {
  GPUAAS_ASSIGN_OR_RETURN(const Slot slot, SlotOf(node_id));
  Unindex(slot);
  nodes_[slot]->removed = true;
  if (nodes_[slot]->taken == 0) Forget(slot);
  return Ok();
}

Status PlacementIndex::SetSchedulable(std::string_view node_id, bool schedulable) {
  GPUAAS_ASSIGN_OR_RETURN(const Slot slot, SlotOf(node_id));
  Unindex(slot);
  nodes_[slot]->node.schedulable = schedulable;
  IndexInto(pools_, slot);
  return Ok();
}

Status PlacementIndex::Claim(std::string_view node_id, int first_gpu, int gpus) {
  GPUAAS_ASSIGN_OR_RETURN(const Slot slot, SlotOf(node_id));
  const NodeOccupancy& node = *nodes_[slot];
  GPUAAS_RETURN_IF_ERROR(ValidateRange(node.node, first_gpu, gpus));
  if ((node.taken & BlockMask(first_gpu, gpus)) != 0) {
    return Error::Conflict("GPUs " + std::to_string(first_gpu) + ".." + std::to_string(first_gpu + gpus - 1) +
                           " of node " + node.node.id + " are already taken");
  }
  Apply(slot, BlockMask(first_gpu, gpus), true);
  return Ok();
}

Status PlacementIndex::Release(std::string_view node_id, int first_gpu, int gpus) {
  GPUAAS_ASSIGN_OR_RETURN(const Slot slot, SlotOf(node_id));
  const NodeOccupancy& node = *nodes_[slot];
  GPUAAS_RETURN_IF_ERROR(ValidateRange(node.node, first_gpu, gpus));
  const std::uint64_t mask = BlockMask(first_gpu, gpus);
  if ((node.taken & mask) != mask) {
    return Error::FailedPrecondition("GPUs " + std::to_string(first_gpu) + ".." + std::to_string(first_gpu + gpus - 1) +
                                     " of node " + node.node.id + " are not all taken");
  }
  Apply(slot, mask, false);
  if (nodes_[slot]->removed && nodes_[slot]->taken == 0) Forget(slot);
  return Ok();
}

std::optional<Placement> PlacementIndex::Choose(const PlacementRequest& request) const {
  const auto pick = Best(request, {});
  if (!pick) return std::nullopt;
  return ToPlacement(*pick, request.gpus);
}

std::optional<Placement> PlacementIndex::Place(const PlacementRequest& request) {
  const auto pick = Best(request, {});
  if (!pick) return std::nullopt;
  Apply(pick->slot, BlockMask(pick->first_gpu, request.gpus), true);
  return ToPlacement(*pick, request.gpus);
}

// Queue order is priority (highest first), then sequence (oldest first). Each request takes the
// best-fit block if it can. Without more, a large request would starve: every time a GPU frees
// on the node it waits for, a 1-GPU request behind it would take it first. So:
//   - a request that cannot be placed reserves the node closest to fitting it (fewest taken
//     GPUs in its emptiest aligned block), among the schedulable nodes of its model and regions
//     that offer its size, unless its pool already holds a node reserved by an earlier request
//     (then it waits behind that one: one reservation per pool at a time);
//   - no later request is placed on a reserved node; they backfill the other nodes.
// A reserved node gets no new work, so it only drains, and the reserved request is placed once
// that node (or a node that drained faster) fits it. The reservation lasts for one plan: the
// caller plans again when capacity changes, and the same head reserves again.
// A request left waiting reads `no_capacity` when nothing could take it even ignoring the
// reservations, and `waiting_for_earlier_request` when only a reserved node could.
QueuePlan PlacementIndex::PlanQueue(std::span<const PlacementRequest> pending) {
  std::vector<const PlacementRequest*> order;
  order.reserve(pending.size());
  for (const auto& request : pending) order.push_back(&request);
  std::sort(order.begin(), order.end(), [](const PlacementRequest* a, const PlacementRequest* b) {
    if (a->priority != b->priority) return a->priority > b->priority;
    if (a->sequence != b->sequence) return a->sequence < b->sequence;
    return a->id < b->id;
  });
  QueuePlan plan;
  Reserved reserved;
  for (const PlacementRequest* request : order) {
    if (const auto pick = Best(*request, reserved)) {
      Apply(pick->slot, BlockMask(pick->first_gpu, request->gpus), true);
      plan.placed.push_back({request->id, ToPlacement(*pick, request->gpus)});
      continue;
    }
    WaitingRequest waiting{request->id, WaitReason::kNoCapacity, {}};
    if (!reserved.empty() && Best(*request, {})) waiting.reason = WaitReason::kWaitingForEarlierRequest;
    if (!PoolHasReservation(*request, reserved)) {
      if (const auto slot = ClosestToFitting(*request, reserved)) {
        reserved.insert(*slot);
        waiting.reserved_node_id = nodes_[*slot]->node.id;
      }
    }
    plan.waiting.push_back(std::move(waiting));
  }
  return plan;
}

std::int64_t PlacementIndex::AvailableUnits(std::string_view gpu_model, int gpus,
                                            std::span<const std::string> regions) const {
  std::int64_t units = 0;
  ForEachPool(gpu_model, regions, [&](const Pool& pool) {
    if (const auto it = pool.by_size.find(gpus); it != pool.by_size.end()) units += it->second.free_blocks;
  });
  return units;
}

std::optional<NodeOccupancy> PlacementIndex::Find(std::string_view node_id) const {
  const auto slot = SlotOf(node_id);
  if (!slot) return std::nullopt;
  return *nodes_[*slot];
}

Status PlacementIndex::Verify() const {
  Pools expected;
  std::size_t in_use = 0;
  for (Slot slot = 0; slot < nodes_.size(); ++slot) {
    if (!nodes_[slot]) continue;
    ++in_use;
    const NodeOccupancy& node = *nodes_[slot];
    const auto found = slot_by_id_.find(node.node.id);
    if (found == slot_by_id_.end() || found->second != slot) return Error::Internal("id map misses " + node.node.id);
    if ((node.taken & ~BlockMask(0, node.node.gpu_count)) != 0) return Error::Internal("GPUs past the node's count");
    if (node.removed && node.taken == 0) return Error::Internal("removed node without claims kept");
    IndexInto(expected, slot);
  }
  if (in_use != slot_by_id_.size()) return Error::Internal("id map has stale entries");
  // Unindex leaves empty entries behind; compare without them.
  const auto without_empty = [](Pools pools) {
    for (auto& [model, regions] : pools) {
      for (auto& [region, pool] : regions) {
        std::erase_if(pool.by_size, [](const auto& entry) { return entry.second == SizeIndex{}; });
      }
      std::erase_if(regions, [](const auto& entry) { return entry.second == Pool{}; });
    }
    std::erase_if(pools, [](const auto& entry) { return entry.second.empty(); });
    return pools;
  };
  if (without_empty(std::move(expected)) != without_empty(pools_))
    return Error::Internal("placement index out of date");
  return Ok();
}

template <typename Visit>
void PlacementIndex::ForEachPool(std::string_view gpu_model, std::span<const std::string> regions,
                                 Visit&& visit) const {
  const auto model = pools_.find(gpu_model);
  if (model == pools_.end()) return;
  if (regions.empty()) {
    for (const auto& [region, pool] : model->second) visit(pool);
    return;
  }
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (std::find(regions.begin(), regions.begin() + static_cast<std::ptrdiff_t>(i), regions[i]) !=
        regions.begin() + static_cast<std::ptrdiff_t>(i)) {
      continue;  // listed twice
    }
    if (const auto pool = model->second.find(regions[i]); pool != model->second.end()) visit(pool->second);
  }
}

// The fullest node (fewest free GPUs, then lowest slot) with a free aligned block of the size,
// over the request's pools, skipping reserved nodes (few: at most one per pool).
std::optional<PlacementIndex::Pick> PlacementIndex::Best(const PlacementRequest& request,
                                                         const Reserved& reserved) const {
  if (request.gpus < 1 || request.gpus > kMaxGpus) return std::nullopt;
  std::optional<std::pair<int, Slot>> best;
  ForEachPool(request.gpu_model, request.regions, [&](const Pool& pool) {
    const auto it = pool.by_size.find(request.gpus);
    if (it == pool.by_size.end()) return;
    for (const auto& key : it->second.nodes) {
      if (reserved.contains(key.second)) continue;
      if (!best || key < *best) best = key;
      break;
    }
  });
  if (!best) return std::nullopt;
  const NodeOccupancy& node = *nodes_[best->second];
  return Pick{best->second, BuddyBestBlock(node.taken, node.node.gpu_count, request.gpus)};
}

std::optional<PlacementIndex::Slot> PlacementIndex::ClosestToFitting(const PlacementRequest& request,
                                                                     const Reserved& reserved) const {
  std::optional<std::pair<int, Slot>> best;  // (GPUs still to free, slot)
  ForEachPool(request.gpu_model, request.regions, [&](const Pool& pool) {
    for (const Slot slot : pool.members) {
      const NodeOccupancy& node = *nodes_[slot];
      if (reserved.contains(slot) || !Offers(node.node, request.gpus)) continue;
      const std::pair<int, Slot> key{TakenInEmptiestBlock(node.taken, node.node.gpu_count, request.gpus), slot};
      if (!best || key < *best) best = key;
    }
  });
  if (!best) return std::nullopt;
  return best->second;
}

bool PlacementIndex::PoolHasReservation(const PlacementRequest& request, const Reserved& reserved) const {
  return std::any_of(reserved.begin(), reserved.end(), [&](Slot slot) {
    const PlacementNode& node = nodes_[slot]->node;
    return node.gpu_model == request.gpu_model &&
           (request.regions.empty() ||
            std::find(request.regions.begin(), request.regions.end(), node.region) != request.regions.end());
  });
}

Result<PlacementIndex::Slot> PlacementIndex::SlotOf(std::string_view node_id) const {
  const auto it = slot_by_id_.find(node_id);
  if (it == slot_by_id_.end())
    return Error::NotFound("node " + std::string(node_id) + " is not in the placement index");
  return it->second;
}

Placement PlacementIndex::ToPlacement(const Pick& pick, int gpus) const {
  return Placement{nodes_[pick.slot]->node.id, pick.first_gpu, gpus};
}

void PlacementIndex::IndexInto(Pools& pools, Slot slot) const {
  const NodeOccupancy& node = *nodes_[slot];
  if (node.removed || !node.node.schedulable) return;
  Pool& pool = pools[node.node.gpu_model][node.node.region];
  pool.members.insert(slot);
  const int free = FreeGpus(node);
  for (const int gpus : node.node.slice_sizes) {
    const std::int64_t blocks = FreeAlignedBlocks(node.taken, node.node.gpu_count, gpus);
    if (blocks == 0) continue;
    SizeIndex& index = pool.by_size[gpus];
    index.nodes.emplace(free, slot);
    index.free_blocks += blocks;
  }
}

void PlacementIndex::Unindex(Slot slot) {
  const NodeOccupancy& node = *nodes_[slot];
  if (node.removed || !node.node.schedulable) return;
  Pool& pool = pools_.find(node.node.gpu_model)->second.find(node.node.region)->second;
  pool.members.erase(slot);
  const int free = FreeGpus(node);
  for (const int gpus : node.node.slice_sizes) {
    const std::int64_t blocks = FreeAlignedBlocks(node.taken, node.node.gpu_count, gpus);
    if (blocks == 0) continue;
    SizeIndex& index = pool.by_size.find(gpus)->second;
    index.nodes.erase({free, slot});
    index.free_blocks -= blocks;
  }
}

void PlacementIndex::Apply(Slot slot, std::uint64_t mask, bool take) {
  Unindex(slot);
  NodeOccupancy& node = *nodes_[slot];
  node.taken = take ? node.taken | mask : node.taken & ~mask;
  IndexInto(pools_, slot);
}

void PlacementIndex::Forget(Slot slot) {
  slot_by_id_.erase(slot_by_id_.find(nodes_[slot]->node.id));
  nodes_[slot].reset();
  free_slots_.push_back(slot);
}

}  // namespace gpuaas::services
