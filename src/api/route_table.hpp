#pragma once

#include "api/console/console_assets.hpp"
#include "net/metrics_registry.hpp"
#include "net/router.hpp"
#include "services/platform/readiness_service.hpp"
#include "shared/clock.hpp"
#include "shared/id.hpp"

namespace gpuaas::api {

// What the handlers need, built by the server's composition function.
struct ApiDependencies {
  const Clock& clock;
  IdGenerator& ids;
  const net::MetricsRegistry& metrics;
  services::ReadinessService& readiness;
  const ConsoleAssets& console;
};

// The one route table of the control plane. Every route here is in api/openapi.json and the
// other way round (tests/integration/openapi_contract_test.cpp checks both directions).
Status RegisterRoutes(net::Router& router, const ApiDependencies& deps);

}  // namespace gpuaas::api
