#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/access/caller.hpp"
#include "services/fleet/agent_release_service.hpp"
#include "services/fleet/fleet_settings.hpp"
#include "services/fleet/platform_ca_service.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct SetupItem {
  std::string id;
  std::string title;
  std::string state;  // configured | missing | stale | unsafe
  std::string owner;
  std::string next_action;
  std::string detail;
  std::optional<std::string> evidence_link;
};

// The platform setup checklist: what an operator must have in place before renting GPUs, each
// item judged from live state (never a stored tick box).
class SetupChecklistService {
 public:
  SetupChecklistService(ServiceContext context, const PlatformCaService& ca, const FleetSettings& settings,
                        const AgentReleaseService& release)
      : context_(context), ca_(ca), settings_(settings), release_(release) {}

  Result<std::vector<SetupItem>> List(const Caller& caller);

 private:
  [[nodiscard]] SetupItem CaItem() const;
  [[nodiscard]] SetupItem SecretsKeyItem() const;
  [[nodiscard]] SetupItem AgentReleaseItem() const;

  ServiceContext context_;
  const PlatformCaService& ca_;
  const FleetSettings& settings_;
  const AgentReleaseService& release_;
};

}  // namespace gpuaas::services
