#include "api/platform/heartbeat_socket.hpp"

#include <boost/json.hpp>

#include "shared/build_info.hpp"
#include "shared/rfc3339.hpp"
#include "wire/error_envelope.hpp"

namespace gpuaas::api {

void HeartbeatSocket::OnOpen(net::WebSocketChannel& channel) {
  channel.Send(boost::json::serialize(boost::json::object{
      {"type", "hello"}, {"version", GetBuildInfo().version}, {"server_time", FormatRfc3339(clock_.Now())}}));
}

void HeartbeatSocket::OnMessage(net::WebSocketChannel& channel, std::string_view text) {
  boost::system::error_code ec;
  const auto message = boost::json::parse(text, ec);
  const auto* type = !ec && message.is_object() ? message.as_object().if_contains("type") : nullptr;
  if (type != nullptr && type->is_string() && type->as_string() == "ping") {
    channel.Send(
        boost::json::serialize(boost::json::object{{"type", "pong"}, {"server_time", FormatRfc3339(clock_.Now())}}));
    return;
  }
  channel.Send(wire::RenderErrorEnvelope(Error::InvalidArgument("type", "expected {\"type\":\"ping\"}"), ""));
}

}  // namespace gpuaas::api
