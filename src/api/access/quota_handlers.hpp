#pragma once

#include "net/http_types.hpp"
#include "services/access/entitlement_service.hpp"
#include "services/access/quota_service.hpp"

namespace gpuaas::api {

// /api/v1/quotas (platform admins) and a project's /quota and /entitlements.
class QuotaHandlers {
 public:
  QuotaHandlers(const Clock& clock, services::QuotaService& quotas, services::EntitlementService& entitlements)
      : clock_(clock), quotas_(quotas), entitlements_(entitlements) {}

  Result<net::Response> Policy(net::Request& request);
  Result<net::Response> SetPlatform(net::Request& request);
  Result<net::Response> SetProject(net::Request& request);
  Result<net::Response> ClearProject(net::Request& request);
  Result<net::Response> SetUser(net::Request& request);
  Result<net::Response> ClearUser(net::Request& request);
  Result<net::Response> Headroom(net::Request& request);

  Result<net::Response> GetEntitlements(net::Request& request);
  Result<net::Response> SetEntitlements(net::Request& request);

 private:
  [[maybe_unused]] const Clock& clock_;  // the handler families share one constructor shape
  services::QuotaService& quotas_;
  services::EntitlementService& entitlements_;
};

}  // namespace gpuaas::api
