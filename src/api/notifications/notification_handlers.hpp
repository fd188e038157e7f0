#pragma once

#include "net/http_types.hpp"
#include "services/notifications/notification_service.hpp"

namespace gpuaas::api {

// /api/v1/notifications: the caller's inbox.
class NotificationHandlers {
 public:
  explicit NotificationHandlers(services::NotificationService& notifications) : notifications_(notifications) {}

  Result<net::Response> List(net::Request& request);
  Result<net::Response> MarkRead(net::Request& request);
  Result<net::Response> MarkAllRead(net::Request& request);
  Result<net::Response> Delete(net::Request& request);

 private:
  services::NotificationService& notifications_;
};

}  // namespace gpuaas::api
