#pragma once

#include "net/middleware.hpp"
#include "shared/id.hpp"

namespace gpuaas::net {

// Gives every request an ID (a well-formed incoming X-Request-Id is kept, so a trace can
// cross services) and echoes it in the response. It runs first: everything after it logs it.
class RequestIdMiddleware final : public Middleware {
 public:
  explicit RequestIdMiddleware(IdGenerator& ids) : ids_(ids) {}
  Result<Response> Handle(Request& request, const Route* route, const Next& next) override;

 private:
  IdGenerator& ids_;
};

bool IsAcceptableRequestId(std::string_view id);

}  // namespace gpuaas::net
