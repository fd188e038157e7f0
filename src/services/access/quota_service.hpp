#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/access/quota_repository.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct QuotaPolicyView {
  std::optional<repositories::QuotaRuleRecord> platform;  // absent: no default set, both unlimited
  std::vector<repositories::QuotaRuleRecord> overrides;   // projects and users, by scope and scope_id
};

// The limit that applies to one resource, and the rule that set it.
struct EffectiveLimit {
  std::optional<std::int64_t> limit;        // empty: unlimited
  std::string source = "platform_default";  // platform_default | project_override | user_override
};

struct EffectiveQuota {
  EffectiveLimit gpus;
  EffectiveLimit workloads;
};

struct ResourceHeadroom {
  std::string resource;  // gpus | workloads
  std::int64_t used = 0;
  std::optional<std::int64_t> limit;     // empty: unlimited
  std::optional<std::int64_t> headroom;  // limit - used; empty when unlimited
  std::string source;
};

struct HeadroomView {
  std::string project_id;
  // "not_available" until compute workloads exist: `used` is then 0, not a measurement.
  std::string usage_state;
  std::string usage_reason;
  std::vector<ResourceHeadroom> resources;  // gpus, then workloads
};

// Quota rules (platform default, project and user overrides) and the headroom they leave.
// Every rule change is platform-admin only and audited in its own transaction.
class QuotaService {
 public:
  static constexpr std::int64_t kMaxLimit = 100000;

  explicit QuotaService(ServiceContext context) : context_(context) {}

  Result<QuotaPolicyView> Policy(const Caller& caller);
  Result<repositories::QuotaRuleRecord> SetPlatform(const Caller& caller, std::optional<std::int64_t> max_gpus,
                                                    std::optional<std::int64_t> max_workloads);
  Result<repositories::QuotaRuleRecord> SetProject(const Caller& caller, std::string_view project_id,
                                                   std::optional<std::int64_t> max_gpus,
                                                   std::optional<std::int64_t> max_workloads);
  // not_found when the project has no override.
  Status ClearProject(const Caller& caller, std::string_view project_id);
  Result<repositories::QuotaRuleRecord> SetUser(const Caller& caller, std::string_view user_id,
                                                std::optional<std::int64_t> max_gpus,
                                                std::optional<std::int64_t> max_workloads);
  // not_found when the user has no override.
  Status ClearUser(const Caller& caller, std::string_view user_id);

  // Needs the project viewer role. The user override counts only for a human caller.
  Result<HeadroomView> Headroom(const Caller& caller, std::string_view project_id);

  // The smallest of the platform default, the project override and the user override (if
  // `user_id` is given); the most specific rule wins ties. For admission checks.
  static Result<EffectiveQuota> Resolve(store::Session& session, std::string_view project_id,
                                        std::optional<std::string_view> user_id);

 private:
  struct Target {
    std::string scope;
    std::string scope_id;
    std::optional<std::string> project_id;
    std::optional<std::string> tenant_id;
  };
  Result<repositories::QuotaRuleRecord> Set(store::Session& session, const Caller& caller, const Target& target,
                                            std::optional<std::int64_t> max_gpus,
                                            std::optional<std::int64_t> max_workloads, std::string_view action);
  Status Clear(store::Session& session, const Caller& caller, const Target& target, std::string_view action);

  ServiceContext context_;
};

}  // namespace gpuaas::services
