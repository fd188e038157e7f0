#pragma once

#include "net/http_types.hpp"
#include "services/evidence/activity_service.hpp"

namespace gpuaas::api {

// GET /api/v1/activity?resource=<type>:<id>: a resource's activity stream, newest first.
class ActivityHandlers {
 public:
  explicit ActivityHandlers(services::ActivityService& activity) : activity_(activity) {}
  Result<net::Response> List(net::Request& request);

 private:
  services::ActivityService& activity_;
};

}  // namespace gpuaas::api
