#pragma once

#include <string>

#include "services/fleet/fleet_settings.hpp"
#include "services/fleet/platform_ca_service.hpp"
#include "services/service_context.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {

// POST /api/v1/agent/enroll: a bootstrap token and a CSR become a node and its first
// certificate. Every refusal is audited with its reason and changes nothing.
class EnrollmentService {
 public:
  EnrollmentService(ServiceContext context, const PlatformCaService& ca, const FleetSettings& settings)
      : context_(context), ca_(ca), settings_(settings) {}

  Result<wire::fleet::EnrollResponse> Enroll(const wire::fleet::EnrollRequest& request, const std::string& client_ip);

 private:
  Result<wire::fleet::EnrollResponse> EnrollInTransaction(store::Session& session,
                                                          const wire::fleet::EnrollRequest& request,
                                                          const std::string& secret_hash,
                                                          const std::string& key_fingerprint, const Caller& agent);

  ServiceContext context_;
  const PlatformCaService& ca_;
  const FleetSettings& settings_;
};

}  // namespace gpuaas::services
