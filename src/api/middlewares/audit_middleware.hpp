#pragma once

#include "net/middleware.hpp"
#include "services/evidence/audit_trail.hpp"

namespace gpuaas::api {

// Records the calls that did not succeed: a refused call of any route (permission denied, a
// hidden resource, no credentials on a mutation) as `denied`, and a failed mutation as
// `failed`. Successful mutations are recorded by their services inside the same transaction
// as the change, with the details only the service knows.
class AuditMiddleware final : public net::Middleware {
 public:
  explicit AuditMiddleware(services::AuditTrail& audit) : audit_(audit) {}
  Result<net::Response> Handle(net::Request& request, const net::Route* route, const net::Next& next) override;

 private:
  services::AuditTrail& audit_;
};

}  // namespace gpuaas::api
