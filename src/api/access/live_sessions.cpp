#include "api/access/live_sessions.hpp"

#include <vector>

namespace gpuaas::api {

LiveSessions::LiveSessions(services::AuthService& auth, std::chrono::milliseconds interval)
    : auth_(auth), interval_(interval), watcher_([this] { Watch(); }) {}

LiveSessions::~LiveSessions() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watcher_.join();
}

std::uint64_t LiveSessions::Register(const services::Principal& principal, net::WebSocketChannel& channel) {
  const std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  entries_.emplace(id, Entry{principal, &channel});
  return id;
}

void LiveSessions::Unregister(std::uint64_t id) {
  const std::lock_guard lock(mutex_);
  entries_.erase(id);
}

std::size_t LiveSessions::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

void LiveSessions::Watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_) return;
    lock.unlock();
    Sweep();
    lock.lock();
  }
}

void LiveSessions::Sweep() {
  std::vector<std::pair<std::uint64_t, services::Principal>> snapshot;
  {
    const std::lock_guard lock(mutex_);
    for (const auto& [id, entry] : entries_) snapshot.emplace_back(id, entry.principal);
  }
  for (const auto& [id, principal] : snapshot) {
    const auto valid = auth_.StillValid(principal);
    if (!valid || *valid) continue;  // a store hiccup is not a reason to cut users off
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end()) continue;
    it->second.channel->Send(R"({"type":"session_ended","reason":"signed out, revoked or disabled"})");
    it->second.channel->Close();
    entries_.erase(it);
  }
}

}  // namespace gpuaas::api
