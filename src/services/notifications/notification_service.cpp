#include "services/notifications/notification_service.hpp"

#include <boost/json.hpp>

#include "services/access/authorizer.hpp"
#include "services/platform/outbox.hpp"

namespace gpuaas::services {

using repositories::NotificationRecord;
using repositories::NotificationRepository;

namespace {}  // namespace

Status NotificationConsumer::Handle(store::Session& session, const repositories::OutboxEventRecord& event) {
  static const std::pair<std::string_view, std::string_view> kOutcomes[] = {
      {"operation.succeeded", "succeeded"}, {"operation.failed", "failed"}, {"operation.cancelled", "was cancelled"}};
  std::string_view outcome;
  for (const auto& [type, said] : kOutcomes) {
    if (event.type == type) outcome = said;
  }
  if (outcome.empty()) return Ok();
  std::error_code parse_error;
  const auto parsed = boost::json::parse(event.payload, parse_error);
  if (parse_error || !parsed.is_object()) return Ok();
  const auto& payload = parsed.as_object();
  if (PayloadText(payload, "requester_type") != "user") return Ok();
  const auto title = PayloadText(payload, "title");
  NotificationRecord record;
  record.id = ids_.Next("ntf");
  record.user_id = PayloadText(payload, "requester_id");
  record.kind = event.type;
  record.title = title + " " + std::string(outcome);
  record.body = title + " on " + event.resource_type + " '" + PayloadText(payload, "target_name") + "' " +
                std::string(outcome) + ".";
  if (const auto error = PayloadText(payload, "error"); !error.empty()) record.body += " " + error.substr(0, 300);
  record.link = "/operations/" + PayloadText(payload, "operation_id");
  record.event_id = event.id;
  record.created_at = event.occurred_at;
  GPUAAS_ASSIGN_OR_RETURN(const bool written, NotificationRepository::Insert(session, record));
  wrote_ = wrote_ || written;
  return Ok();
}

void NotificationConsumer::AfterCommit() {
  if (wrote_ && on_written_) on_written_();
  wrote_ = false;
}

Result<NotificationPage> NotificationService::List(const Caller& caller, bool unread_only,
                                                   std::optional<std::int64_t> cursor, int limit) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  if (limit < 1 || limit > 200) return Error::InvalidArgument("limit", "must be between 1 and 200");
  NotificationPage page;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(
        page.items, NotificationRepository::ListForUser(session, caller.principal.id, unread_only, cursor, limit + 1));
    GPUAAS_ASSIGN_OR_RETURN(page.unread_count, NotificationRepository::CountUnread(session, caller.principal.id));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().seq;
  }
  return page;
}

Status NotificationService::MarkRead(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const bool found,
                            NotificationRepository::MarkRead(session, caller.principal.id, id, context_.clock.Now()));
    if (!found) return Error::NotFound("notification " + std::string(id) + " not found");
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller, {"notification.read", "notification", std::string(id), {}, {}, "allowed", {}}));
    return Ok();
  });
}

Result<std::int64_t> NotificationService::MarkAllRead(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  std::int64_t marked = 0;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(marked,
                            NotificationRepository::MarkAllRead(session, caller.principal.id, context_.clock.Now()));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"notification.read_all",
                                                  "user",
                                                  caller.principal.id,
                                                  {},
                                                  {},
                                                  "allowed",
                                                  {{"marked", std::to_string(marked)}}}));
    return Ok();
  }));
  return marked;
}

Status NotificationService::Delete(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const bool found,
                            NotificationRepository::Delete(session, caller.principal.id, id, context_.clock.Now()));
    if (!found) return Error::NotFound("notification " + std::string(id) + " not found");
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller, {"notification.delete", "notification", std::string(id), {}, {}, "allowed", {}}));
    return Ok();
  });
}

Result<std::vector<NotificationRecord>> NotificationService::After(std::string_view user_id, std::int64_t after_seq,
                                                                   int limit) {
  std::vector<NotificationRecord> records;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(records, NotificationRepository::ListAfter(session, user_id, after_seq, limit));
    return Ok();
  }));
  return records;
}

Result<std::int64_t> NotificationService::LastSeq() {
  std::int64_t seq = 0;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(seq, NotificationRepository::LastSeq(session));
    return Ok();
  }));
  return seq;
}

}  // namespace gpuaas::services
