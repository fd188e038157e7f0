#pragma once

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

  Error&& WithDetail(std::string key, std::string value) &&;
  Error& WithDetail(std::string key, std::string value) &;

  [[nodiscard]] ErrorCode code() const { return code_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const std::string& internal() const { return internal_; }
  [[nodiscard]] const std::vector<ErrorDetail>& details() const { return details_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string internal_;
  std::vector<ErrorDetail> details_;
};

}  // namespace gpuaas
