#pragma once

#include "net/middleware.hpp"

namespace gpuaas::net {

// For routes that take JSON: the Content-Type must be application/json and the body a JSON
// object; the parsed value is left in request.json so handlers never parse twice.
class JsonBodyMiddleware final : public Middleware {
 public:
  Result<Response> Handle(Request& request, const Route* route, const Next& next) override;
};

}  // namespace gpuaas::net
