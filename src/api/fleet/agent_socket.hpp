#pragma once

#include <memory>
#include <optional>
#include <string>

#include "api/fleet/agent_hub.hpp"
#include "net/websocket_handler.hpp"

namespace gpuaas::api {

// GET /ws/v1/agent: one node agent's control stream (wire/fleet/agent_protocol.hpp). The server
// speaks first with a challenge; until a hello proves the node's certificate and key, nothing
// else is accepted. Heartbeats are recorded in memory (LivenessRecorder); everything that needs
// the database runs on the hub's pool, never on the IO thread.
class AgentSocket final : public net::WebSocketHandler {
 public:
  AgentSocket(AgentHub& hub, std::string client_ip) : hub_(hub), client_ip_(std::move(client_ip)) {}
  void OnOpen(net::WebSocketChannel& channel) override;
  void OnMessage(net::WebSocketChannel& channel, std::string_view text) override;
  void OnClose() override;

 private:
  // What the background jobs share with the socket: they may finish after it closed.
  struct State {
    std::mutex mutex;
    std::optional<std::string> node_id;  // set once the hello was accepted
    Timestamp connected_since{};
    bool hello_pending = false;
    bool closed = false;
  };

  void OnHello(const wire::fleet::HelloFrame& hello);
  void Refuse(const Error& error, bool close);

  AgentHub& hub_;
  std::string client_ip_;
  std::string nonce_;
  std::shared_ptr<AgentConnection> connection_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace gpuaas::api
