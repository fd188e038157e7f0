#include "api/evidence/activity_handlers.hpp"

#include <boost/json.hpp>

#include "api/handler_support.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {
namespace {

boost::json::object ActivityJson(const repositories::ActivityRecord& r) {
  return {{"id", r.id},
          {"seq", r.seq},
          {"resource", boost::json::object{{"type", r.resource_type}, {"id", r.resource_id}}},
          {"kind", r.kind},
          {"title", r.title},
          {"actor", r.actor_label},
          {"outcome", r.outcome},
          {"operation_id", StringOrNull(r.operation_id)},
          {"audit_id", StringOrNull(r.audit_id)},
          {"event_id", r.event_id},
          {"occurred_at", FormatRfc3339(r.occurred_at)}};
}

}  // namespace

Result<net::Response> ActivityHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"resource", "cursor", "limit"}));
  const auto resource = query.Text("resource");
  const auto colon = resource ? resource->find(':') : std::string::npos;
  if (!resource || colon == std::string::npos || colon == 0 || colon + 1 == resource->size()) {
    return Error::InvalidArgument("resource", "must be <type>:<id>, for example token:tok_...");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto cursor, query.Int("cursor", 1, INT64_MAX));
  GPUAAS_ASSIGN_OR_RETURN(const auto limit, query.Int("limit", 1, 200));
  GPUAAS_ASSIGN_OR_RETURN(const auto page,
                          activity_.List(CallerOf(request), resource->substr(0, colon), resource->substr(colon + 1),
                                         cursor, static_cast<int>(limit.value_or(50))));
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(ActivityJson(item));
  return JsonReply(
      200, boost::json::object{{"items", std::move(items)},
                               {"next_cursor", page.next_cursor ? boost::json::value(std::to_string(*page.next_cursor))
                                                                : boost::json::value(nullptr)}});
}

}  // namespace gpuaas::api
