#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "agent/transport/server_url.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::transport {

struct HttpResponse {
  int status = 0;
  std::string body;
};

// One POST of a JSON body over a fresh connection, bounded by `timeout` as a whole. Any HTTP status
// is a response; only failing to talk to the server is an error (unavailable). https:// endpoints
// are failed_precondition: this build has no TLS client yet.
Result<HttpResponse> PostJson(const ServerEndpoint& endpoint, std::string_view target, std::string body,
                              std::chrono::seconds timeout);

// One GET over a fresh connection, the body at most `max_body_bytes` (larger: unavailable), under
// the same whole-exchange deadline. For the agent's own binary on self-update.
Result<HttpResponse> Get(const ServerEndpoint& endpoint, std::string_view target, std::chrono::seconds timeout,
                         std::uint64_t max_body_bytes);

}  // namespace gpuaas::agent::transport
