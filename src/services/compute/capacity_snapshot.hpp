#pragma once

#include <vector>

#include "repositories/compute/capacity_repository.hpp"
#include "repositories/compute/sku_repository.hpp"
#include "services/compute/placement.hpp"
#include "store/session.hpp"

namespace gpuaas::services {

// The fleet's GPUs as the scheduler and the catalog see them in one transaction: every node with
// GPUs (by GPU family, so "NVIDIA H100 80GB HBM3" offers SKUs of model H100) and every claim.
struct CapacitySnapshot {
  std::vector<repositories::NodeCapacityRecord> nodes;
  PlacementIndex index;
};

// A node takes new workloads only while online and schedulable.
bool TakesPlacements(const repositories::NodeCapacityRecord& node);

Result<CapacitySnapshot> LoadCapacity(store::Session& session);

// A SKU's figures for the catalog.
struct SkuAvailability {
  std::int64_t available = 0;  // units that could be placed now
  std::int64_t capacity = 0;   // units the schedulable fleet offers when empty
  std::string state;           // available | limited | sold_out
};
SkuAvailability AvailabilityOf(const CapacitySnapshot& snapshot, const repositories::SkuRecord& sku);

}  // namespace gpuaas::services
