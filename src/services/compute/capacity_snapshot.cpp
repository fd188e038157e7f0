#include "services/compute/capacity_snapshot.hpp"

#include <algorithm>
#include <map>

#include "repositories/compute/gpu_claim_repository.hpp"
#include "services/compute/compute_rules.hpp"
#include "services/fleet/fleet_rules.hpp"

namespace gpuaas::services {

bool TakesPlacements(const repositories::NodeCapacityRecord& node) {
  return node.state == "online" && node.scheduling == "schedulable";
}

namespace {

std::vector<int> SlicesOf(const repositories::NodeCapacityRecord& node) {
  const auto* profile = FindNodeProfile(node.profile);
  return profile == nullptr ? std::vector<int>{} : SliceSizesFor(*profile, node.gpu_count);
}

bool InRegions(const std::vector<std::string>& regions, const std::string& region) {
  return regions.empty() || std::find(regions.begin(), regions.end(), region) != regions.end();
}

}  // namespace

Result<CapacitySnapshot> LoadCapacity(store::Session& session) {
  CapacitySnapshot snapshot;
  GPUAAS_ASSIGN_OR_RETURN(snapshot.nodes, repositories::CapacityRepository::Nodes(session));
  for (const auto& node : snapshot.nodes) {
    if (node.gpu_count > 64) continue;  // not a shape the index models; never placed on
    PlacementNode placement{node.id,        GpuFamily(node.gpu_model), node.region, static_cast<int>(node.gpu_count),
                            SlicesOf(node), TakesPlacements(node)};
    GPUAAS_RETURN_IF_ERROR(snapshot.index.Upsert(std::move(placement)));
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto claims, repositories::GpuClaimRepository::All(session));
  // One block per workload: its first GPU and how many it holds.
  std::map<std::string, std::pair<std::string, std::pair<int, int>>> blocks;
  for (const auto& claim : claims) {
    auto [it, inserted] =
        blocks.try_emplace(claim.workload_id, claim.node_id, std::pair<int, int>{static_cast<int>(claim.gpu_index), 0});
    auto& [first, count] = it->second.second;
    first = std::min(first, static_cast<int>(claim.gpu_index));
    ++count;
  }
  for (const auto& [workload_id, block] : blocks) {
    const auto& [node_id, range] = block;
    // A claim on a node no longer listed (retired or removed) holds nothing the index offers.
    if (!snapshot.index.Find(node_id)) continue;
    GPUAAS_RETURN_IF_ERROR(snapshot.index.Claim(node_id, range.first, range.second));
  }
  return snapshot;
}

SkuAvailability AvailabilityOf(const CapacitySnapshot& snapshot, const repositories::SkuRecord& sku) {
  SkuAvailability result;
  result.available = snapshot.index.AvailableUnits(sku.gpu_model, static_cast<int>(sku.gpus), sku.regions);
  for (const auto& node : snapshot.nodes) {
    if (!TakesPlacements(node) || GpuFamily(node.gpu_model) != sku.gpu_model || !InRegions(sku.regions, node.region)) {
      continue;
    }
    const auto slices = SlicesOf(node);
    if (std::find(slices.begin(), slices.end(), sku.gpus) != slices.end()) result.capacity += node.gpu_count / sku.gpus;
  }
  result.state = result.available == 0 ? "sold_out" : result.available * 4 < result.capacity ? "limited" : "available";
  return result;
}

}  // namespace gpuaas::services
