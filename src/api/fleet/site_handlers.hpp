#pragma once

#include "net/http_types.hpp"
#include "services/fleet/site_service.hpp"

namespace gpuaas::api {

// /api/v1/sites and /api/v1/node-profiles.
class SiteHandlers {
 public:
  explicit SiteHandlers(services::SiteService& sites) : sites_(sites) {}
  Result<net::Response> List(net::Request& request);
  Result<net::Response> Create(net::Request& request);
  Result<net::Response> Profiles(net::Request& request);

 private:
  services::SiteService& sites_;
};

}  // namespace gpuaas::api
