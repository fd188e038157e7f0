#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/fleet/bootstrap_token_repository.hpp"
#include "repositories/fleet/node_repository.hpp"
#include "services/access/caller.hpp"
#include "services/fleet/platform_ca_service.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct NewBootstrapToken {
  std::string site_id;
  std::string profile;
  std::int64_t ttl_minutes = 60;
  std::optional<std::string> node_id;  // re-enroll this node, keeping its identity and history
  std::string server_url;              // what the agent will call: the public URL, or the one the operator used
};

struct CreatedBootstrapToken {
  repositories::BootstrapTokenRecord token;
  std::string secret;   // the whole token text: shown once, never stored
  std::string command;  // the exact command to run on the host
};

// What the onboarding wizard's live status shows, step by step.
struct OnboardingProgress {
  bool token_used = false;
  bool enrolled = false;
  bool first_heartbeat = false;
  bool certificate_valid = false;
  bool inventory_received = false;
  bool ready = false;
};

struct BootstrapTokenView {
  repositories::BootstrapTokenRecord token;
  OnboardingProgress progress;
  std::optional<repositories::NodeRecord> node;
};

// active | used | expired | revoked
std::string_view BootstrapTokenState(const repositories::BootstrapTokenRecord& token, Timestamp now);

// One-time enrollment credentials. Platform admins only; the secret is shown once.
class BootstrapTokenService {
 public:
  BootstrapTokenService(ServiceContext context, const PlatformCaService& ca) : context_(context), ca_(ca) {}

  Result<CreatedBootstrapToken> Create(const Caller& caller, const NewBootstrapToken& input);
  // `gpuaas-server fleet token` on the server host: whoever can read the database and the secrets
  // key file is the operator, so no sign-in is asked. The site is created when missing. Audited
  // as the host operator.
  Result<CreatedBootstrapToken> CreateOnHost(std::string_view site_name, std::string_view profile,
                                             std::string server_url);
  Result<std::vector<repositories::BootstrapTokenRecord>> List(const Caller& caller,
                                                               const std::optional<std::string>& state);
  Result<BootstrapTokenView> Get(const Caller& caller, std::string_view id);
  Status Revoke(const Caller& caller, std::string_view id);

 private:
  Result<CreatedBootstrapToken> CreateChecked(const Caller& caller, const NewBootstrapToken& input);

  ServiceContext context_;
  const PlatformCaService& ca_;
};

}  // namespace gpuaas::services
