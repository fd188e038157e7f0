#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/access/entitlement_repository.hpp"
#include "repositories/compute/sku_repository.hpp"
#include "services/access/caller.hpp"
#include "services/compute/capacity_snapshot.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// One SKU as the catalog shows it: its shape and price, whether the project may launch it, and
// how many units the fleet could place now.
struct SkuOffer {
  repositories::SkuRecord sku;
  std::optional<bool> entitled;  // empty when no project was named
  SkuAvailability availability;
};

// The Compute catalog. Everyone signed in reads it; availability is computed from live capacity.
class SkuService {
 public:
  explicit SkuService(ServiceContext context) : context_(context) {}

  // With `project_id`, the caller needs the project viewer role and each SKU says whether the
  // project is entitled to it. Draft and retired SKUs are shown to platform admins only.
  Result<std::vector<SkuOffer>> Catalog(const Caller& caller, const std::optional<std::string>& project_id);

  // Whether a project with these entitlement rules may launch `sku` (by id or name in an
  // allow list; every active SKU when it has none).
  static bool IsEntitled(const std::vector<repositories::EntitlementRecord>& rules, const repositories::SkuRecord& sku);

 private:
  ServiceContext context_;
};

}  // namespace gpuaas::services
