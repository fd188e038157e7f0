#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/access/live_sessions.hpp"
#include "net/http_types.hpp"
#include "net/websocket_handler.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// /ws/v1/session: the console's live line to its session. It says who is signed in on open
// and is closed by the server the moment the session ends anywhere, so an open console
// signs itself out.
class SessionSocket final : public net::WebSocketHandler {
 public:
  SessionSocket(LiveSessions& live, services::Principal principal) : live_(live), principal_(std::move(principal)) {}
  void OnOpen(net::WebSocketChannel& channel) override;
  void OnMessage(net::WebSocketChannel& /*channel*/, std::string_view /*text*/) override {}
  void OnClose() override;

 private:
  LiveSessions& live_;
  services::Principal principal_;
  std::optional<std::uint64_t> id_;
};

// The upgrade guard of WebSocket routes that browsers open: a present Origin header must be
// the server's own (same host) or one of `allowed` (scheme://host[:port]).
Status CheckOrigin(const net::Request& request, const std::vector<std::string>& allowed);

}  // namespace gpuaas::api
