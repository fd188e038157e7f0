#include "api/middlewares/rate_limit_middleware.hpp"

#include "api/request_context.hpp"

namespace gpuaas::api {
namespace {

bool IsSensitive(const net::Route* route) {
  if (route == nullptr) return false;
  const std::string_view action = route->action;
  return action == "auth.login" || action == "auth.signup" || action == "token.create";
}

Error Refuse(const RateDecision& decision) {
  return Error::RateLimited("too many requests; retry in " + std::to_string(decision.retry_after_seconds) + " seconds",
                            decision.retry_after_seconds);
}

}  // namespace

Result<net::Response> RateLimitMiddleware::Handle(net::Request& request, const net::Route* route,
                                                  const net::Next& next) {
  const std::string_view path = request.path;
  if (path.rfind("/api/", 0) != 0 && path.rfind("/ws/", 0) != 0) return next(request);
  const auto now = clock_.Now();
  const auto& ip = request.remote_address;
  if (IsSensitive(route)) {
    if (const auto decision = limiter_.Take("s:" + ip, limits_.sensitive_per_ip, now); !decision.allowed) {
      return Refuse(decision);
    }
  }
  if (const auto decision = limiter_.Take("i:" + ip, limits_.per_ip, now); !decision.allowed) return Refuse(decision);
  const auto& principal = CallerOf(request).principal;
  if (principal.signed_in()) {
    if (const auto decision = limiter_.Take("p:" + principal.id, limits_.per_principal, now); !decision.allowed) {
      return Refuse(decision);
    }
  }
  return next(request);
}

}  // namespace gpuaas::api
