#pragma once

#include "net/middleware.hpp"
#include "shared/log.hpp"

namespace gpuaas::net {

// Turns every failure below it into the error envelope with the mapped status: Result
// errors, and exceptions, which never leave a handler unmapped. Server-side failures are
// logged here with their internal message; clients see only the safe one.
class ErrorMappingMiddleware final : public Middleware {
 public:
  Result<Response> Handle(Request& request, const Route* route, const Next& next) override;

 private:
  log::Logger logger_{"http.errors"};
};

// The response for an error: status, envelope, Retry-After where retrying helps.
Response RenderError(const Error& error, std::string_view correlation_id);

}  // namespace gpuaas::net
