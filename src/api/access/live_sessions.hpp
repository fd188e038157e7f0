#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

#include "net/websocket_handler.hpp"
#include "services/access/auth_service.hpp"

namespace gpuaas::api {

// Long-lived connections opened with a credential (console session sockets now; terminals
// and notifications later). A watcher re-reads every credential from the store a few times
// a second and closes the connections whose session was logged out or revoked, whose token
// was revoked, or whose user was disabled: within one second, on every replica, because the
// store is the only source of truth.
class LiveSessions {
 public:
  explicit LiveSessions(services::AuthService& auth,
                        std::chrono::milliseconds interval = std::chrono::milliseconds(250));
  ~LiveSessions();
  LiveSessions(const LiveSessions&) = delete;
  LiveSessions& operator=(const LiveSessions&) = delete;

  std::uint64_t Register(const services::Principal& principal, net::WebSocketChannel& channel);
  void Unregister(std::uint64_t id);
  [[nodiscard]] std::size_t size() const;

 private:
  void Watch();
  void Sweep();

  struct Entry {
    services::Principal principal;
    net::WebSocketChannel* channel;
  };
  services::AuthService& auth_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, Entry> entries_;
  std::thread watcher_;
};

}  // namespace gpuaas::api
