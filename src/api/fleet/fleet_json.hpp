#pragma once

#include <boost/json/value.hpp>

#include "services/fleet/bootstrap_token_service.hpp"
#include "services/fleet/fleet_rules.hpp"
#include "services/fleet/node_service.hpp"
#include "services/fleet/setup_checklist_service.hpp"
#include "services/fleet/site_service.hpp"

namespace gpuaas::api {

// The fleet family's JSON, as api/openapi.json describes it.
boost::json::value SiteJson(const repositories::SiteRecord& site);
boost::json::value NodeProfileJson(const services::NodeProfile& profile);
boost::json::value BootstrapTokenJson(const repositories::BootstrapTokenRecord& token, Timestamp now);
boost::json::value OnboardingProgressJson(const services::OnboardingProgress& progress);
boost::json::object NodeSummaryJson(const repositories::NodeRecord& node, std::string_view certificate_state);
boost::json::value NodeDetailJson(const services::NodeView& view, const services::FleetSettings& settings,
                                  Timestamp now);
boost::json::value NodeTaskJson(const repositories::NodeTaskRecord& task);
boost::json::value SetupItemJson(const services::SetupItem& item);

}  // namespace gpuaas::api
