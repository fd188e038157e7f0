#pragma once

#include "net/http_types.hpp"
#include "services/fleet/agent_release_service.hpp"

namespace gpuaas::api {

// GET /api/v1/agent/release (platform admins: what node.update_agent would install) and
// GET /api/v1/agent/releases/{sha256}/gpuaas-agent (the binary; no credential, since agents
// check it against the hash their self_update task carries).
class AgentReleaseHandlers {
 public:
  explicit AgentReleaseHandlers(const services::AgentReleaseService& releases) : releases_(releases) {}
  Result<net::Response> Current(net::Request& request);
  Result<net::Response> Download(net::Request& request);

 private:
  const services::AgentReleaseService& releases_;
};

}  // namespace gpuaas::api
