#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include "agent/transport/frame_connection.hpp"
#include "agent/transport/server_url.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::transport {

// Opens ws://host:port<target>: resolve, connect and upgrade within `timeout`. The connection then
// runs on its own I/O thread, pings the server when idle and counts it gone after a minute of
// silence, so a dead peer ends Receive with an error instead of waiting forever. Failing to connect
// is unavailable; https:// endpoints are failed_precondition (see tls_support.hpp).
Result<std::unique_ptr<FrameConnection>> ConnectWebSocket(const ServerEndpoint& endpoint, std::string_view target,
                                                          std::chrono::seconds timeout);

}  // namespace gpuaas::agent::transport
