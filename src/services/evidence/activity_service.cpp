#include "services/evidence/activity_service.hpp"

#include <boost/json.hpp>

#include "services/access/authorizer.hpp"
#include "services/platform/outbox.hpp"

namespace gpuaas::services {

using repositories::ActivityRecord;

namespace {

std::optional<std::string> OptionalText(const boost::json::object& payload, std::string_view key) {
  auto text = PayloadText(payload, key);
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

Status ActivityConsumer::Handle(store::Session& session, const repositories::OutboxEventRecord& event) {
  std::error_code parse_error;
  const auto parsed = boost::json::parse(event.payload, parse_error);
  const auto payload = !parse_error && parsed.is_object() ? parsed.as_object() : boost::json::object{};
  ActivityRecord record;
  record.seq = event.seq;
  record.id = ids_.Next("act");
  record.resource_type = event.resource_type;
  record.resource_id = event.resource_id;
  record.project_id = event.project_id;
  record.tenant_id = event.tenant_id;
  record.kind = event.type;
  record.actor_label = event.actor_label;
  record.event_id = event.id;
  record.occurred_at = event.occurred_at;
  if (event.type == "audit.recorded") {
    const auto action = PayloadText(payload, "action");
    // Operations tell their own story below; their audit rows stay reachable from there.
    if (action.rfind("operation.", 0) == 0) return Ok();
    record.kind = "audit:" + action;
    record.title = action;
    record.outcome = PayloadText(payload, "outcome");
    record.audit_id = OptionalText(payload, "audit_id");
  } else if (event.type.rfind("operation.", 0) == 0) {
    static const std::pair<std::string_view, std::string_view> kVerbs[] = {{"operation.created", "started"},
                                                                           {"operation.succeeded", "succeeded"},
                                                                           {"operation.failed", "failed"},
                                                                           {"operation.cancelled", "cancelled"}};
    std::string verb = event.type.substr(10);
    for (const auto& [type, said] : kVerbs) {
      if (event.type == type) verb = std::string(said);
    }
    record.title = PayloadText(payload, "title") + " " + verb;
    if (const auto error = PayloadText(payload, "error"); !error.empty()) record.title += ": " + error.substr(0, 200);
    record.outcome = verb;
    record.operation_id = OptionalText(payload, "operation_id");
  } else {
    // Families that say what happened in a sentence (node.*) carry it as the payload's title.
    const auto title = PayloadText(payload, "title");
    record.title = title.empty() ? event.type : title.substr(0, 300);
    record.outcome = "recorded";
  }
  return repositories::ActivityRepository::Insert(session, record);
}

Result<ActivityPage> ActivityService::List(const Caller& caller, std::string_view resource_type,
                                           std::string_view resource_id, std::optional<std::int64_t> cursor,
                                           int limit) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  if (limit < 1 || limit > 200) return Error::InvalidArgument("limit", "must be between 1 and 200");
  ActivityPage page;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto target, registry_.Resolve(session, caller, resource_type, resource_id));
    GPUAAS_ASSIGN_OR_RETURN(page.items, repositories::ActivityRepository::ListByResource(session, target.type,
                                                                                         target.id, cursor, limit + 1));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().seq;
  }
  return page;
}

}  // namespace gpuaas::services
