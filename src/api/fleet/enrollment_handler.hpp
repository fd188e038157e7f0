#pragma once

#include "net/http_types.hpp"
#include "services/fleet/enrollment_service.hpp"

namespace gpuaas::api {

// POST /api/v1/agent/enroll: called by `gpuaas-agent enroll`, authenticated by the bootstrap
// token in the body (no session, no bearer token). Audits every outcome itself.
class EnrollmentHandler {
 public:
  explicit EnrollmentHandler(services::EnrollmentService& enrollment) : enrollment_(enrollment) {}
  Result<net::Response> Enroll(net::Request& request);

 private:
  services::EnrollmentService& enrollment_;
};

}  // namespace gpuaas::api
