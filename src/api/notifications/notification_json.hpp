#pragma once

#include <boost/json/object.hpp>

#include "repositories/notifications/notification_repository.hpp"

namespace gpuaas::api {

boost::json::object NotificationJson(const repositories::NotificationRecord& notification);

}  // namespace gpuaas::api
