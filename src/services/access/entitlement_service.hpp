#pragma once

#include <string>
#include <vector>

#include "repositories/access/entitlement_repository.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// What a project may use of one kind (SKUs or apps).
struct EntitlementSetting {
  std::string mode = "all_active";   // all_active | allow_list
  std::vector<std::string> allowed;  // references, for allow_list; empty for all_active
};

struct EntitlementView {
  std::string project_id;
  EntitlementSetting skus;
  EntitlementSetting apps;
};

// Which SKUs and apps each project may use. A kind without a stored row is all_active.
class EntitlementService {
 public:
  static constexpr std::size_t kMaxAllowed = 200;
  static constexpr std::size_t kMaxReferenceLength = 100;

  explicit EntitlementService(ServiceContext context) : context_(context) {}

  // Needs the project viewer role.
  Result<EntitlementView> Get(const Caller& caller, std::string_view project_id);
  // Platform admin only; replaces both kinds and audits entitlement.set.
  Result<EntitlementView> Set(const Caller& caller, std::string_view project_id, std::string_view sku_mode,
                              const std::vector<std::string>& sku_allowed, std::string_view app_mode,
                              const std::vector<std::string>& app_allowed);

 private:
  ServiceContext context_;
};

}  // namespace gpuaas::services
