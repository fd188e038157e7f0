#include "net/middlewares/request_id_middleware.hpp"

namespace gpuaas::net {

bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Result<Response> RequestIdMiddleware::Handle(Request& request, const Route* /*route*/, const Next& next) {
  const auto incoming = request.headers.Find("X-Request-Id");
  request.request_id = IsAcceptableRequestId(incoming) ? std::string(incoming) : ids_.Next("req");
  auto result = next(request);
  if (result) result->headers.Add("X-Request-Id", request.request_id);
  return result;
}

}  // namespace gpuaas::net
