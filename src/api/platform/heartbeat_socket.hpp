#pragma once

#include "net/websocket_handler.hpp"
#include "shared/clock.hpp"

namespace gpuaas::api {

// GET /ws/v1/heartbeat (WebSocket): the console's live-connection indicator. Sends a hello
// with the server version and time; answers {"type":"ping"} with a pong carrying the server
// time, and anything else with an error frame in the envelope's shape.
class HeartbeatSocket final : public net::WebSocketHandler {
 public:
  explicit HeartbeatSocket(const Clock& clock) : clock_(clock) {}
  void OnOpen(net::WebSocketChannel& channel) override;
  void OnMessage(net::WebSocketChannel& channel, std::string_view text) override;

 private:
  const Clock& clock_;
};

}  // namespace gpuaas::api
