#include "api/middlewares/audit_middleware.hpp"

#include "api/request_context.hpp"
#include "shared/log.hpp"

namespace gpuaas::api {
namespace {

log::Logger& Logger() {
  static log::Logger logger{"audit"};
  return logger;
}

std::optional<std::string> ParamOrNothing(const net::Request& request, std::string_view name) {
  const auto value = request.Param(name);
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

}  // namespace

Result<net::Response> AuditMiddleware::Handle(net::Request& request, const net::Route* route, const net::Next& next) {
  auto result = next(request);
  if (result || route == nullptr || route->audits_itself) return result;
  const auto& error = result.error();
  // Rate-limit refusals are counted in metrics, not written: under a flood they would
  // drown the evidence that matters.
  if (error.code() == ErrorCode::kRateLimited) return result;
  const bool mutation = IsMutation(request.method);
  const bool denied = error.code() == ErrorCode::kUnauthenticated ? mutation : error.is_denial();
  if (!denied && !(mutation && !route->action.empty())) return result;

  services::AuditEntry entry;
  entry.action = route->action.empty()
                     ? std::string(net::MethodName(request.method)) + " " + std::string(request.route_template)
                     : route->action;
  const auto dot = entry.action.find('.');
  entry.target_type = dot == std::string::npos ? "route" : entry.action.substr(0, dot);
  entry.target_id = request.params.empty() ? "" : request.params.back().value;
  entry.project_id = ParamOrNothing(request, "project_id");
  entry.tenant_id = ParamOrNothing(request, "tenant_id");
  entry.outcome = denied ? "denied" : "failed";
  entry.metadata = {{"code", std::string(ErrorCodeName(error.code()))},
                    {"message", error.message().substr(0, 300)},
                    {"route", std::string(request.route_template)}};
  if (auto appended = audit_.AppendNow(CallerOf(request), entry); !appended) {
    // The refusal still goes out; losing its audit row is logged loudly for the operator.
    Logger().Error(
        "audit_append_failed",
        {{"request_id", request.request_id},
         {"action", entry.action},
         {"cause", appended.error().internal().empty() ? appended.error().message() : appended.error().internal()}});
  }
  return result;
}

}  // namespace gpuaas::api
