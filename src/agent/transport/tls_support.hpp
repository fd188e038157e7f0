#pragma once

#include "agent/transport/server_url.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::transport {

// This build speaks plain HTTP and WebSocket only. Rather than silently downgrade an https:// server
// to http:// (which would send the bootstrap secret in clear), it refuses with the reason.
inline Status RequirePlainTransport(const ServerEndpoint& endpoint) {
  if (!endpoint.tls) return Ok();
  return Error::FailedPrecondition(
      "https:// servers are not supported by this build of gpuaas-agent yet: use the server's http:// address");
}

}  // namespace gpuaas::agent::transport
