#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct NotificationRecord {
  std::int64_t seq = 0;  // the resume cursor of live delivery
  std::string id;        // ntf_...
  std::string user_id;
  std::string kind;  // operation.succeeded, operation.failed, ...
  std::string title;
  std::string body;
  std::string link;  // a console path
  std::string event_id;
  Timestamp created_at;
  std::optional<Timestamp> read_at;
};

class NotificationRepository {
 public:
  // Appends with the next seq (filled in). Returns false when the user already has the
  // notification of this event (a redelivery).
  static Result<bool> Insert(store::Session& session, NotificationRecord& record);
  // Newest first, below `before_seq`.
  static Result<std::vector<NotificationRecord>> ListForUser(store::Session& session, std::string_view user_id,
                                                             bool unread_only, std::optional<std::int64_t> before_seq,
                                                             int limit);
  // Oldest first, after `after_seq`: for live delivery. Empty `user_id`: every user's.
  static Result<std::vector<NotificationRecord>> ListAfter(store::Session& session, std::string_view user_id,
                                                           std::int64_t after_seq, int limit);
  static Result<std::int64_t> CountUnread(store::Session& session, std::string_view user_id);
  static Result<std::int64_t> LastSeq(store::Session& session);
  static Result<bool> MarkRead(store::Session& session, std::string_view user_id, std::string_view id, Timestamp now);
  static Result<std::int64_t> MarkAllRead(store::Session& session, std::string_view user_id, Timestamp now);
  static Result<bool> Delete(store::Session& session, std::string_view user_id, std::string_view id, Timestamp now);
};

}  // namespace gpuaas::repositories
