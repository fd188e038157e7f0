#include "api/notifications/notification_socket.hpp"

namespace gpuaas::api {

void NotificationSocket::OnOpen(net::WebSocketChannel& channel) {
  live_id_ = live_.Register(principal_, channel);
  hub_id_ = hub_.Register(principal_.id, channel, after_);
}

void NotificationSocket::OnClose() {
  if (hub_id_) hub_.Unregister(*hub_id_);
  if (live_id_) live_.Unregister(*live_id_);
}

}  // namespace gpuaas::api
