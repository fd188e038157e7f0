#pragma once

#include "net/http_types.hpp"
#include "services/evidence/audit_query_service.hpp"

namespace gpuaas::api {

// /api/v1/audit: the evidence of who did what, filtered, paged and exported as CSV.
class AuditHandlers {
 public:
  explicit AuditHandlers(services::AuditQueryService& audit) : audit_(audit) {}

  Result<net::Response> List(net::Request& request);
  Result<net::Response> Get(net::Request& request);
  Result<net::Response> Export(net::Request& request);

 private:
  services::AuditQueryService& audit_;
};

}  // namespace gpuaas::api
