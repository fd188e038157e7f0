#include "services/compute/sku_service.hpp"

#include <algorithm>

#include "repositories/access/entitlement_repository.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::services {

bool SkuService::IsEntitled(const std::vector<repositories::EntitlementRecord>& rules,
                            const repositories::SkuRecord& sku) {
  return std::all_of(rules.begin(), rules.end(), [&](const repositories::EntitlementRecord& rule) {
    if (rule.resource_kind != "sku" || rule.mode != "allow_list") return true;
    return std::any_of(rule.allowed.begin(), rule.allowed.end(),
                       [&](const std::string& ref) { return ref == sku.id || ref == sku.name; });
  });
}

Result<std::vector<SkuOffer>> SkuService::Catalog(const Caller& caller, const std::optional<std::string>& project_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  std::vector<SkuOffer> offers;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    offers.clear();
    std::vector<repositories::EntitlementRecord> rules;
    if (project_id) {
      GPUAAS_ASSIGN_OR_RETURN(const auto access,
                              Authorizer::RequireProject(session, caller, *project_id, ProjectRole::kViewer));
      GPUAAS_ASSIGN_OR_RETURN(rules, repositories::EntitlementRepository::ListForProject(session, access.project.id));
    }
    GPUAAS_ASSIGN_OR_RETURN(const auto skus, repositories::SkuRepository::List(session));
    GPUAAS_ASSIGN_OR_RETURN(const auto capacity, LoadCapacity(session));
    for (const auto& sku : skus) {
      if (sku.state != "active" && !caller.principal.platform_admin) continue;
      SkuOffer offer{sku, std::nullopt, AvailabilityOf(capacity, sku)};
      if (project_id) offer.entitled = sku.state == "active" && IsEntitled(rules, sku);
      offers.push_back(std::move(offer));
    }
    return Ok();
  }));
  return offers;
}

}  // namespace gpuaas::services
