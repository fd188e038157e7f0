#include "net/middlewares/metrics_middleware.hpp"

#include <chrono>

namespace gpuaas::net {

Result<Response> MetricsMiddleware::Handle(Request& request, const Route* /*route*/, const Next& next) {
  const InFlightGuard in_flight(metrics_);
  const auto started = std::chrono::steady_clock::now();
  auto result = next(request);
  const int status = result ? result->status : 500;
  metrics_.RequestFinished(MethodName(request.method), request.route_template, status,
                           std::chrono::steady_clock::now() - started);
  return result;
}

}  // namespace gpuaas::net
