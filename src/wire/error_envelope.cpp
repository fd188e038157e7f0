#include "wire/error_envelope.hpp"

#include <boost/json.hpp>

#include "shared/json_text.hpp"

namespace gpuaas::wire {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kFailedPrecondition: return 412;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kInternal: return 500;
    case ErrorCode::kUnavailable: return 503;
  }
  return 500;
}

std::string RenderErrorEnvelope(const Error& error, std::string_view correlation_id) {
  std::string body = R"({"error":{"code":")";
  body += ErrorCodeName(error.code());
  body += R"(","message":)";
  AppendJsonString(body, error.message());
  body += R"(,"correlation_id":)";
  AppendJsonString(body, correlation_id);
  body += R"(,"details":{)";
  bool first = true;
  for (const auto& detail : error.details()) {
    if (!first) body.push_back(',');
    first = false;
    AppendJsonString(body, detail.key);
    body.push_back(':');
    AppendJsonString(body, detail.value);
  }
  body += "}}}";
  return body;
}

Error ParseErrorEnvelope(std::string_view body, int http_status) {
  const auto fallback = Error(ErrorCode::kInternal, "unexpected HTTP " + std::to_string(http_status) + " response");
  boost::system::error_code ec;
  const auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return fallback;
  const auto* error = value.as_object().if_contains("error");
  if (error == nullptr || !error->is_object()) return fallback;
  const auto& object = error->as_object();
  const auto* code = object.if_contains("code");
  const auto* message = object.if_contains("message");
  if (code == nullptr || !code->is_string() || message == nullptr || !message->is_string()) return fallback;
  auto parsed_code = ErrorCode::kInternal;
  for (int i = 0; i <= static_cast<int>(ErrorCode::kUnsupportedMediaType); ++i) {
    if (ErrorCodeName(static_cast<ErrorCode>(i)) == code->as_string()) parsed_code = static_cast<ErrorCode>(i);
  }
  Error result(parsed_code, std::string(message->as_string()));
  if (const auto* details = object.if_contains("details"); details != nullptr && details->is_object()) {
    for (const auto& [key, detail] : details->as_object()) {
      if (detail.is_string()) result.WithDetail(std::string(key), std::string(detail.as_string()));
    }
  }
  return result;
}

}  // namespace gpuaas::wire
