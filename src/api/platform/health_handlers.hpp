#pragma once

#include "net/http_types.hpp"
#include "services/platform/readiness_service.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// GET /healthz: the process is up and serving HTTP. Touches nothing else, so it stays
// cheap enough for tight liveness probes.
Result<net::Response> HandleHealthz(net::Request& request);

// GET /readyz: 200 when the database answers and migrations are current, else 503.
class ReadyzHandler {
 public:
  explicit ReadyzHandler(services::ReadinessService& readiness) : readiness_(readiness) {}
  Result<net::Response> operator()(net::Request& request) const;

 private:
  services::ReadinessService& readiness_;
};

}  // namespace gpuaas::api
