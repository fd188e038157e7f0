#include "api/notifications/notification_hub.hpp"

#include <boost/json.hpp>

#include "api/notifications/notification_json.hpp"

namespace gpuaas::api {

namespace {

constexpr int kBatch = 1000;
// Notifications per frame. A connection's send queue holds 256 frames, so a resume of a
// thousand notifications, or a burst, must travel in a few frames, not one per notification.
constexpr std::size_t kPerFrame = 200;

}  // namespace

std::string NotificationMessage(const repositories::NotificationRecord& notification) {
  return boost::json::serialize(boost::json::object{
      {"type", "notification"}, {"seq", notification.seq}, {"notification", NotificationJson(notification)}});
}

std::string NotificationsMessage(const std::vector<const repositories::NotificationRecord*>& notifications) {
  if (notifications.size() == 1) return NotificationMessage(*notifications.front());
  boost::json::array items;
  for (const auto* notification : notifications) items.push_back(NotificationJson(*notification));
  return boost::json::serialize(
      boost::json::object{{"type", "notifications"}, {"seq", notifications.back()->seq}, {"items", std::move(items)}});
}

void NotificationHub::Send(Connection& connection,
                           const std::vector<const repositories::NotificationRecord*>& notifications) {
  for (std::size_t start = 0; start < notifications.size(); start += kPerFrame) {
    const auto end = std::min(notifications.size(), start + kPerFrame);
    const std::vector<const repositories::NotificationRecord*> frame(notifications.begin() + start,
                                                                     notifications.begin() + end);
    connection.channel->Send(NotificationsMessage(frame));
    connection.cursor = frame.back()->seq;
  }
}

NotificationHub::NotificationHub(services::NotificationService& notifications, std::chrono::milliseconds poll)
    : notifications_(notifications), loop_(poll, [this] { return Pass(); }) {}

void NotificationHub::Start() { loop_.Start(); }

NotificationHub::~NotificationHub() { loop_.Stop(); }

std::uint64_t NotificationHub::Register(const std::string& user_id, net::WebSocketChannel& channel,
                                        std::optional<std::int64_t> after_seq) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    // "From now on" is from the last notification the hub has seen; before its first read,
    // catch up from the store's last seq instead.
    const bool from_now = !after_seq && global_cursor_ >= 0;
    connections_.emplace(id, Connection{user_id, &channel, after_seq.value_or(global_cursor_), from_now});
    if (from_now)
      channel.Send(boost::json::serialize(boost::json::object{{"type", "synced"}, {"seq", global_cursor_}}));
    by_user_.emplace(user_id, id);
  }
  loop_.Wake();
  return id;
}

void NotificationHub::Unregister(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  const auto it = connections_.find(id);
  if (it == connections_.end()) return;
  const auto range = by_user_.equal_range(it->second.user_id);
  for (auto entry = range.first; entry != range.second; ++entry) {
    if (entry->second == id) {
      by_user_.erase(entry);
      break;
    }
  }
  connections_.erase(it);
}

std::size_t NotificationHub::size() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

bool NotificationHub::Pass() {
  bool more = false;
  if (auto caught = CatchUp(); !caught) logger_.Warn("catch_up_failed", {{"cause", caught.error().message()}});
  if (auto sent = Broadcast(more); !sent) logger_.Warn("broadcast_failed", {{"cause", sent.error().message()}});
  return more;
}

// New connections first get what they missed: everything of their user after their cursor.
Status NotificationHub::CatchUp() {
  std::vector<std::pair<std::uint64_t, std::pair<std::string, std::int64_t>>> pending;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, connection] : connections_) {
      if (!connection.caught_up) pending.push_back({id, {connection.user_id, connection.cursor}});
    }
  }
  for (const auto& [id, who] : pending) {
    GPUAAS_ASSIGN_OR_RETURN(const auto missed, notifications_.After(who.first, who.second, kBatch));
    std::lock_guard lock(mutex_);
    const auto it = connections_.find(id);
    if (it == connections_.end()) continue;
    auto& connection = it->second;
    std::vector<const repositories::NotificationRecord*> unseen;
    for (const auto& notification : missed) {
      if (notification.seq > connection.cursor) unseen.push_back(&notification);
    }
    Send(connection, unseen);
    if (static_cast<int>(missed.size()) < kBatch) {
      connection.caught_up = true;
      connection.channel->Send(
          boost::json::serialize(boost::json::object{{"type", "synced"}, {"seq", connection.cursor}}));
    }
  }
  return Ok();
}

Status NotificationHub::Broadcast(bool& more) {
  bool first_read = false;
  {
    std::lock_guard lock(mutex_);
    first_read = global_cursor_ < 0;
  }
  if (first_read) {
    GPUAAS_ASSIGN_OR_RETURN(const auto last, notifications_.LastSeq());
    std::lock_guard lock(mutex_);
    global_cursor_ = last;
    // Connections that asked for "from now" before the first read start here.
    for (auto& [id, connection] : connections_) {
      if (connection.cursor < 0) connection.cursor = last;
    }
  }
  std::int64_t after = 0;
  {
    std::lock_guard lock(mutex_);
    after = global_cursor_;
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto fresh, notifications_.After("", after, kBatch));
  more = static_cast<int>(fresh.size()) == kBatch;
  std::lock_guard lock(mutex_);
  // Per connection, everything new for its user goes out together; one serialisation per
  // frame is shared by the user's connections that are at the same cursor.
  std::map<std::uint64_t, std::vector<const repositories::NotificationRecord*>> pending;
  for (const auto& notification : fresh) {
    global_cursor_ = notification.seq;
    const auto range = by_user_.equal_range(notification.user_id);
    for (auto entry = range.first; entry != range.second; ++entry) {
      const auto& connection = connections_.at(entry->second);
      // Connections still catching up get it from their own catch-up, in order.
      if (!connection.caught_up || notification.seq <= connection.cursor) continue;
      pending[entry->second].push_back(&notification);
    }
  }
  std::map<std::vector<const repositories::NotificationRecord*>, std::string> frames;
  for (auto& [id, notifications] : pending) {
    auto& connection = connections_.at(id);
    if (notifications.size() > kPerFrame) {
      Send(connection, notifications);
      continue;
    }
    auto frame = frames.find(notifications);
    if (frame == frames.end()) frame = frames.emplace(notifications, NotificationsMessage(notifications)).first;
    connection.channel->Send(frame->second);
    connection.cursor = notifications.back()->seq;
  }
  return Ok();
}

}  // namespace gpuaas::api
