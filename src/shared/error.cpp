#include "shared/error.hpp"

namespace gpuaas {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kFailedPrecondition: return "failed_precondition";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
  }
  return "internal";
}

Error::Error(ErrorCode code, std::string message, std::string internal)
    : code_(code), message_(std::move(message)), internal_(std::move(internal)) {}

Error Error::InvalidArgument(std::string field, std::string message) {
  Error error(ErrorCode::kInvalidArgument, field + ": " + message);
  error.WithDetail("field", std::move(field));
  return error;
}

Error Error::NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message)}; }

Error Error::Conflict(std::string message) { return {ErrorCode::kConflict, std::move(message)}; }

Error Error::Unavailable(std::string message, std::string internal) {
  return {ErrorCode::kUnavailable, std::move(message), std::move(internal)};
}

Error Error::Internal(std::string internal) { return {ErrorCode::kInternal, "internal error", std::move(internal)}; }

Error Error::Unauthenticated(std::string message) { return {ErrorCode::kUnauthenticated, std::move(message)}; }

Error Error::PermissionDenied(std::string message) { return {ErrorCode::kPermissionDenied, std::move(message)}; }

Error Error::FailedPrecondition(std::string message) { return {ErrorCode::kFailedPrecondition, std::move(message)}; }

Error Error::RateLimited(std::string message, std::int64_t retry_after_seconds) {
  Error error(ErrorCode::kRateLimited, std::move(message));
  error.WithDetail("retry_after_seconds", std::to_string(retry_after_seconds));
  return error;
}

Error Error::HiddenNotFound(std::string message) {
  Error error(ErrorCode::kNotFound, std::move(message));
  error.hidden_ = true;
  return error;
}

Error&& Error::WithDetail(std::string key, std::string value) && {
  details_.push_back({std::move(key), std::move(value)});
  return std::move(*this);
}

Error& Error::WithDetail(std::string key, std::string value) & {
  details_.push_back({std::move(key), std::move(value)});
  return *this;
}

}  // namespace gpuaas
