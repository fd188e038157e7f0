#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "repositories/notifications/notification_repository.hpp"
#include "services/platform/outbox_dispatcher.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// Writes the inbox entries outbox events call for: the requester of an operation hears
// that it succeeded, failed or was cancelled. `on_written` wakes live delivery.
class NotificationConsumer final : public OutboxConsumer {
 public:
  NotificationConsumer(IdGenerator& ids, std::function<void()> on_written)
      : ids_(ids), on_written_(std::move(on_written)) {}
  [[nodiscard]] std::string_view name() const override { return "notifications"; }
  Status Handle(store::Session& session, const repositories::OutboxEventRecord& event) override;
  void AfterCommit() override;

 private:
  IdGenerator& ids_;
  std::function<void()> on_written_;
  bool wrote_ = false;
};

struct NotificationPage {
  std::vector<repositories::NotificationRecord> items;
  std::int64_t unread_count = 0;
  std::optional<std::int64_t> next_cursor;
};

// The caller's inbox.
class NotificationService {
 public:
  explicit NotificationService(ServiceContext context) : context_(context) {}

  Result<NotificationPage> List(const Caller& caller, bool unread_only, std::optional<std::int64_t> cursor, int limit);
  Status MarkRead(const Caller& caller, std::string_view id);
  Result<std::int64_t> MarkAllRead(const Caller& caller);
  Status Delete(const Caller& caller, std::string_view id);

  // For live delivery, which has already authenticated its user.
  Result<std::vector<repositories::NotificationRecord>> After(std::string_view user_id, std::int64_t after_seq,
                                                             int limit);
  Result<std::int64_t> LastSeq();

 private:
  ServiceContext context_;
};

}  // namespace gpuaas::services
