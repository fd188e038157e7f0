#include "api/notifications/notification_handlers.hpp"

#include <boost/json.hpp>

#include "api/handler_support.hpp"
#include "api/notifications/notification_json.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"

namespace gpuaas::api {

Result<net::Response> NotificationHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"unread", "cursor", "limit"}));
  const auto unread = query.Text("unread");
  if (unread && *unread != "true" && *unread != "false") {
    return Error::InvalidArgument("unread", "must be true or false");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto cursor, query.Int("cursor", 1, INT64_MAX));
  GPUAAS_ASSIGN_OR_RETURN(const auto limit, query.Int("limit", 1, 200));
  GPUAAS_ASSIGN_OR_RETURN(const auto page, notifications_.List(CallerOf(request), unread == "true", cursor,
                                                               static_cast<int>(limit.value_or(50))));
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(NotificationJson(item));
  return JsonReply(
      200, boost::json::object{{"items", std::move(items)},
                               {"unread_count", page.unread_count},
                               {"next_cursor", page.next_cursor ? boost::json::value(std::to_string(*page.next_cursor))
                                                                : boost::json::value(nullptr)}});
}

Result<net::Response> NotificationHandlers::MarkRead(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(notifications_.MarkRead(CallerOf(request), request.Param("notification_id")));
  return NoContent();
}

Result<net::Response> NotificationHandlers::MarkAllRead(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto marked, notifications_.MarkAllRead(CallerOf(request)));
  return JsonReply(200, boost::json::object{{"marked", marked}});
}

Result<net::Response> NotificationHandlers::Delete(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(notifications_.Delete(CallerOf(request), request.Param("notification_id")));
  return NoContent();
}

}  // namespace gpuaas::api
