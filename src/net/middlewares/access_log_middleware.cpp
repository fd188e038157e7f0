#include "net/middlewares/access_log_middleware.hpp"

#include <chrono>

namespace gpuaas::net {

Result<Response> AccessLogMiddleware::Handle(Request& request, const Route* /*route*/, const Next& next) {
  if (!logger_.Enabled(log::Level::kInfo) && !logger_.Enabled(log::Level::kError)) return next(request);
  const auto started = std::chrono::steady_clock::now();
  auto result = next(request);
  const int status = result ? result->status : 500;
  const auto level = status >= 500 ? log::Level::kError : log::Level::kInfo;
  if (!logger_.Enabled(level)) return result;
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  logger_.Log(level, "request",
              {{"request_id", request.request_id},
               {"method", MethodName(request.method)},
               {"route", request.route_template},
               {"path", request.path},
               {"status", status},
               {"duration_ms", static_cast<double>(micros) / 1000.0},
               {"request_bytes", static_cast<std::int64_t>(request.body.size())},
               {"response_bytes", static_cast<std::int64_t>(result ? result->body.size() : 0)},
               {"remote", request.remote_address}});
  return result;
}

}  // namespace gpuaas::net
