#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "net/websocket_handler.hpp"
#include "services/notifications/notification_service.hpp"
#include "shared/log.hpp"
#include "shared/worker_loop.hpp"

namespace gpuaas::api {

// Live delivery of inbox notifications to open /ws/notifications connections. One thread
// reads new notifications from the store (woken at once when this replica wrote some, and
// every `poll` otherwise, which is how notifications written on other replicas arrive) and
// sends each to the connections of its user, in seq order. A connection that names a
// cursor first gets everything after it, so a client that reconnects misses nothing.
class NotificationHub {
 public:
  NotificationHub(services::NotificationService& notifications, std::chrono::milliseconds poll);
  ~NotificationHub();
  NotificationHub(const NotificationHub&) = delete;
  NotificationHub& operator=(const NotificationHub&) = delete;

  // Once the schema is current (after migrations).
  void Start();
  void Wake() { loop_.Wake(); }
  // Without `after_seq` the connection gets what is written from now on.
  std::uint64_t Register(const std::string& user_id, net::WebSocketChannel& channel,
                         std::optional<std::int64_t> after_seq);
  void Unregister(std::uint64_t id);
  [[nodiscard]] std::size_t size() const;

 private:
  bool Pass();
  struct Connection;
  // In frames of at most 200, advancing the connection's cursor.
  static void Send(Connection& connection, const std::vector<const repositories::NotificationRecord*>& notifications);
  Status CatchUp();
  Status Broadcast(bool& more);

  struct Connection {
    std::string user_id;
    net::WebSocketChannel* channel;
    std::int64_t cursor;
    bool caught_up = false;
  };
  services::NotificationService& notifications_;
  log::Logger logger_{"notifications"};
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, Connection> connections_;
  std::multimap<std::string, std::uint64_t> by_user_;
  std::int64_t global_cursor_ = -1;  // -1: not read yet
  WorkerLoop loop_;                  // last: its thread stops before the members it uses go
};

// The messages a connection receives: {"type":"notification","seq","notification"} for one,
// {"type":"notifications","seq" (the last),"items":[...]} for several at once (a catch-up or
// a burst), and {"type":"synced","seq"} once a resume has caught up.
std::string NotificationMessage(const repositories::NotificationRecord& notification);
std::string NotificationsMessage(const std::vector<const repositories::NotificationRecord*>& notifications);

}  // namespace gpuaas::api
