#include "api/notifications/notification_json.hpp"

#include <boost/json.hpp>

#include "shared/rfc3339.hpp"

namespace gpuaas::api {

boost::json::object NotificationJson(const repositories::NotificationRecord& n) {
  return {{"id", n.id},
          {"seq", n.seq},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"link", n.link},
          {"created_at", FormatRfc3339(n.created_at)},
          {"read_at", n.read_at ? boost::json::value(FormatRfc3339(*n.read_at)) : boost::json::value(nullptr)}};
}

}  // namespace gpuaas::api
