#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gpuaas {

// The one error vocabulary of the project. Codes are stable API: clients switch on them.
// The HTTP status of each code is decided in exactly one place (wire/error_envelope.cpp).
enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kConflict,
  kFailedPrecondition,
  kRateLimited,
  kUnavailable,
  kInternal,
  // Transport-level refusals; they keep their own codes so clients can tell them apart.
  kMethodNotAllowed,
  kPayloadTooLarge,
  kUnsupportedMediaType,
};

std::string_view ErrorCodeName(ErrorCode code);

struct ErrorDetail {
  std::string key;
  std::string value;
};

// An expected failure. `message` is safe to show a client; `internal` goes to logs only.
class Error {
 public:
  Error(ErrorCode code, std::string message, std::string internal = {});

  static Error InvalidArgument(std::string field, std::string message);
  static Error NotFound(std::string message);
  static Error Conflict(std::string message);
  static Error Unavailable(std::string message, std::string internal = {});
  static Error Internal(std::string internal);
  static Error Unauthenticated(std::string message);
  static Error PermissionDenied(std::string message);
  static Error FailedPrecondition(std::string message);
  // Adds the detail `retry_after_seconds`, which the HTTP layer also sends as Retry-After.
  static Error RateLimited(std::string message, std::int64_t retry_after_seconds);
  // A not_found that hides a resource the caller may not see. Clients see a plain 404; the
  // audit trail records the attempt as denied.
  static Error HiddenNotFound(std::string message);

  Error&& WithDetail(std::string key, std::string value) &&;
  Error& WithDetail(std::string key, std::string value) &;

  [[nodiscard]] ErrorCode code() const { return code_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const std::string& internal() const { return internal_; }
  [[nodiscard]] const std::vector<ErrorDetail>& details() const { return details_; }
  // True when an access rule refused the call: permission_denied, unauthenticated, or a
  // not_found that hides a resource (see HiddenNotFound).
  [[nodiscard]] bool is_denial() const {
    return hidden_ || code_ == ErrorCode::kPermissionDenied || code_ == ErrorCode::kUnauthenticated;
  }

 private:
  ErrorCode code_;
  std::string message_;
  std::string internal_;
  std::vector<ErrorDetail> details_;
  bool hidden_ = false;
};

}  // namespace gpuaas
