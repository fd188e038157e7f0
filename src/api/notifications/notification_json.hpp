#pragma once

#include <boost/json/object.hpp>

#include "services/notifications/notification_service.hpp"

namespace gpuaas::api {

boost::json::object NotificationJson(const repositories::NotificationRecord& notification);

}  // namespace gpuaas::api
