#pragma once

#include "net/middleware.hpp"
#include "shared/log.hpp"

namespace gpuaas::net {

// One line per request: method, route, path, status, duration, sizes, request ID. Never a
// header value or a body: those are where credentials travel.
class AccessLogMiddleware final : public Middleware {
 public:
  Result<Response> Handle(Request& request, const Route* route, const Next& next) override;

 private:
  log::Logger logger_{"http.access"};
};

}  // namespace gpuaas::net
