#include "api/fleet/agent_socket.hpp"

#include "shared/secret.hpp"
#include "wire/error_envelope.hpp"

namespace gpuaas::api {

namespace fleet = wire::fleet;

void AgentSocket::OnOpen(net::WebSocketChannel& channel) {
  connection_ = hub_.Open(channel);
  nonce_ = GenerateSecret("", 32);
  connection_->Send(fleet::EncodeFrame(fleet::ChallengeFrame{nonce_}));
}

void AgentSocket::Refuse(const Error& error, bool close) {
  connection_->Send(wire::RenderErrorEnvelope(error, ""));
  if (close) connection_->Close();
}

void AgentSocket::OnMessage(net::WebSocketChannel& /*channel*/, std::string_view text) {
  auto frame = fleet::DecodeFrame(text);
  std::optional<std::string> node_id;
  {
    const std::lock_guard lock(state_->mutex);
    node_id = state_->node_id;
  }
  if (!frame) return Refuse(frame.error(), !node_id);
  if (!node_id) {
    const auto* hello = std::get_if<fleet::HelloFrame>(&*frame);
    if (hello == nullptr) return Refuse(Error::Unauthenticated("send a hello first"), true);
    return OnHello(*hello);
  }
  if (const auto* beat = std::get_if<fleet::HeartbeatFrame>(&*frame)) {
    hub_.liveness().Record(*node_id, connection_->number(), *beat);
    return;
  }
  const bool submitted =
      hub_.Submit([this_hub = &hub_, connection = connection_, id = *node_id, frame = std::move(*frame)] {
        if (const auto* update = std::get_if<fleet::TaskUpdateFrame>(&frame)) {
          if (auto done = this_hub->sessions().TaskUpdate(id, *update); !done) {
            connection->Send(wire::RenderErrorEnvelope(done.error(), ""));
          }
        } else if (const auto* renew = std::get_if<fleet::RenewFrame>(&frame)) {
          auto issued = this_hub->sessions().Renew(id, *renew);
          connection->Send(issued ? fleet::EncodeFrame(*issued)
                                  : fleet::EncodeFrame(fleet::RenewFailedFrame{issued.error().message()}));
        } else {
          connection->Send(wire::RenderErrorEnvelope(
              Error::InvalidArgument("type", "agents send heartbeat, task_update or renew frames"), ""));
        }
      });
  if (!submitted) Refuse(Error::Unavailable("the server is overloaded; reconnect later"), true);
}

void AgentSocket::OnHello(const fleet::HelloFrame& hello) {
  {
    const std::lock_guard lock(state_->mutex);
    if (state_->hello_pending) return Refuse(Error::InvalidArgument("type", "one hello per connection"), true);
    state_->hello_pending = true;
  }
  hub_.StopHelloClock(*connection_);
  const bool submitted = hub_.SubmitHello({hello, nonce_, client_ip_},
                                          [hub = &hub_, connection = connection_, state = state_,
                                           node_id = hello.node_id](Result<services::AgentConnected> connected) {
                                            if (!connected) {
                                              connection->Send(wire::RenderErrorEnvelope(connected.error(), ""));
                                              connection->Close();
                                              return;
                                            }
                                            {
                                              const std::lock_guard lock(state->mutex);
                                              if (state->closed) {
                                                // The socket went while the hello was checked: undo the connected mark
                                                // now.
                                                (void)hub->sessions().Disconnected(node_id, connected->connected_since);
                                                return;
                                              }
                                              state->node_id = node_id;
                                              state->connected_since = connected->connected_since;
                                            }
                                            connection->Send(fleet::EncodeFrame(connected->welcome));
                                            hub->Register(node_id, connection);
                                          });
  if (!submitted) Refuse(Error::Unavailable("the server is overloaded; reconnect later"), true);
}

void AgentSocket::OnClose() {
  connection_->Detach();
  hub_.StopHelloClock(*connection_);
  std::optional<std::string> node_id;
  Timestamp since{};
  {
    const std::lock_guard lock(state_->mutex);
    state_->closed = true;
    node_id = state_->node_id;
    since = state_->connected_since;
  }
  if (!node_id) return;
  hub_.Unregister(*node_id, connection_);
  hub_.liveness().Forget(*node_id, connection_->number());
  (void)hub_.SubmitDisconnect(*node_id, since);
}

}  // namespace gpuaas::api
