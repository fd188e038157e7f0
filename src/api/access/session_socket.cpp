#include "api/access/session_socket.hpp"

#include <boost/json.hpp>

namespace gpuaas::api {

void SessionSocket::OnOpen(net::WebSocketChannel& channel) {
  id_ = live_.Register(principal_, channel);
  channel.Send(boost::json::serialize(boost::json::object{{"type", "session"},
                                                          {"user_id", principal_.id},
                                                          {"email", principal_.label},
                                                          {"session_id", principal_.session_id}}));
}

void SessionSocket::OnClose() {
  if (id_) live_.Unregister(*id_);
}

Status CheckOrigin(const net::Request& request, const std::vector<std::string>& allowed) {
  const auto origin = request.headers.Find("Origin");
  if (origin.empty()) return Ok();  // not a browser: the CLI and agents send no Origin
  for (const auto& candidate : allowed) {
    if (origin == candidate) return Ok();
  }
  const auto scheme_end = origin.find("://");
  const auto host = request.headers.Find("Host");
  if (scheme_end != std::string_view::npos && !host.empty() && origin.substr(scheme_end + 3) == host) return Ok();
  return Error::PermissionDenied("WebSocket connections from origin '" + std::string(origin.substr(0, 200)) +
                                 "' are not allowed");
}

}  // namespace gpuaas::api
