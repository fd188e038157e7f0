#include "net/middlewares/error_mapping_middleware.hpp"

#include <exception>

#include "wire/error_envelope.hpp"

namespace gpuaas::net {

Response RenderError(const Error& error, std::string_view correlation_id) {
  auto response = Response::Json(wire::HttpStatusFor(error.code()), wire::RenderErrorEnvelope(error, correlation_id));
  bool retry_after_set = false;
  for (const auto& detail : error.details()) {
    if (detail.key == "allow") response.headers.Add("Allow", detail.value);
    if (detail.key == "retry_after_seconds") {
      response.headers.Add("Retry-After", detail.value);
      retry_after_set = true;
    }
  }
  if (!retry_after_set && (error.code() == ErrorCode::kUnavailable || error.code() == ErrorCode::kRateLimited)) {
    response.headers.Add("Retry-After", "1");
  }
  return response;
}

Result<Response> ErrorMappingMiddleware::Handle(Request& request, const Route* /*route*/, const Next& next) {
  try {
    auto result = next(request);
    if (result) return result;
    const auto& error = result.error();
    if (wire::HttpStatusFor(error.code()) >= 500) {
      logger_.Error("request_failed", {{"request_id", request.request_id},
                                       {"route", request.route_template},
                                       {"code", ErrorCodeName(error.code())},
                                       {"cause", error.internal().empty() ? error.message() : error.internal()}});
    }
    return RenderError(error, request.request_id);
  } catch (const std::exception& e) {
    logger_.Error("handler_threw",
                  {{"request_id", request.request_id}, {"route", request.route_template}, {"cause", e.what()}});
  } catch (...) {
    logger_.Error("handler_threw", {{"request_id", request.request_id}, {"route", request.route_template}});
  }
  return RenderError(Error::Internal("exception"), request.request_id);
}

}  // namespace gpuaas::net
