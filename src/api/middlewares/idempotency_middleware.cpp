#include "api/middlewares/idempotency_middleware.hpp"

#include <boost/json.hpp>

#include "api/request_context.hpp"
#include "net/middlewares/error_mapping_middleware.hpp"
#include "shared/redaction.hpp"
#include "shared/secret.hpp"

namespace gpuaas::api {
namespace {

// Refusals that happen before a request starts executing: not stored.
bool RefusedBeforeExecution(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kRateLimited:
    case ErrorCode::kPayloadTooLarge:
    case ErrorCode::kUnsupportedMediaType:
    case ErrorCode::kMethodNotAllowed: return true;
    default: return false;
  }
}

void Redact(boost::json::value& value) {
  if (value.is_object()) {
    for (auto& [key, member] : value.get_object()) {
      if (IsSecretName(key) && member.is_string()) {
        member = kRedacted;
      } else {
        Redact(member);
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value.get_array()) Redact(item);
  }
}

std::string ScopeOf(const net::Request& request) {
  const auto& principal = CallerOf(request).principal;
  return principal.signed_in() ? principal.id : "anonymous:" + request.remote_address;
}

}  // namespace

std::string RedactSecrets(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) return std::string(body);
  Redact(value);
  return boost::json::serialize(value);
}

Result<net::Response> IdempotencyMiddleware::Handle(net::Request& request, const net::Route* route,
                                                    const net::Next& next) {
  const auto key = request.headers.Find(kIdempotencyKeyHeader);
  if (route == nullptr || !IsMutation(request.method) || request.headers.Count(kIdempotencyKeyHeader) == 0) {
    return next(request);
  }
  GPUAAS_RETURN_IF_ERROR(services::IdempotencyService::ValidateKey(key));
  const auto scope = ScopeOf(request);
  std::string material(net::MethodName(request.method));
  material += ' ';
  material += request.target;
  material += '\n';
  material += request.body;
  GPUAAS_ASSIGN_OR_RETURN(const auto decision, service_.Begin(scope, key, Sha256Hex(material)));
  if (decision.kind == services::IdempotencyDecision::Kind::kReplay) {
    auto response = net::Response::Json(decision.reply.status, decision.reply.body);
    response.content_type = decision.reply.content_type;
    response.headers.Add("Idempotent-Replayed", "true");
    return response;
  }

  Result<net::Response> result = Error::Internal("not run");
  try {
    result = next(request);
  } catch (...) {
    // Execution began and failed: the failure is the stored answer, as for any 5xx.
    const auto failed = net::RenderError(Error::Internal("handler threw"), request.request_id);
    (void)service_.Finish(scope, key, {failed.status, failed.content_type, failed.body});
    throw;
  }
  if (!result && RefusedBeforeExecution(result.error().code())) {
    GPUAAS_RETURN_IF_ERROR(service_.Abandon(scope, key));
    return result;
  }
  auto response = result ? std::move(result).value() : net::RenderError(result.error(), request.request_id);
  GPUAAS_RETURN_IF_ERROR(
      service_.Finish(scope, key, {response.status, response.content_type, RedactSecrets(response.body)}));
  return response;
}

}  // namespace gpuaas::api
