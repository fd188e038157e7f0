#pragma once

#include <optional>

#include "api/access/live_sessions.hpp"
#include "api/notifications/notification_hub.hpp"
#include "net/websocket_handler.hpp"

namespace gpuaas::api {

// /ws/notifications[?after=<seq>]: the caller's inbox, live. Messages are
// {"type":"notification","seq":N,"notification":{...}} in seq order, and one
// {"type":"synced","seq":N} once everything after the cursor was sent. The connection closes
// when the credential that opened it ends.
class NotificationSocket final : public net::WebSocketHandler {
 public:
  NotificationSocket(NotificationHub& hub, LiveSessions& live, services::Principal principal,
                     std::optional<std::int64_t> after)
      : hub_(hub), live_(live), principal_(std::move(principal)), after_(after) {}
  void OnOpen(net::WebSocketChannel& channel) override;
  void OnMessage(net::WebSocketChannel& /*channel*/, std::string_view /*text*/) override {}
  void OnClose() override;

 private:
  NotificationHub& hub_;
  LiveSessions& live_;
  services::Principal principal_;
  std::optional<std::int64_t> after_;
  std::optional<std::uint64_t> hub_id_;
  std::optional<std::uint64_t> live_id_;
};

}  // namespace gpuaas::api
