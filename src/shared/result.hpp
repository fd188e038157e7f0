#pragma once

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "shared/error.hpp"

namespace gpuaas {

// Result<T>: a value or an Error. Expected failures travel as values, never as exceptions.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  [[nodiscard]] const Error& error() const { return std::get<1>(state_); }
  Error&& TakeError() { return std::get<1>(std::move(state_)); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const Error& error() const { return *error_; }
  Error&& TakeError() { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace gpuaas

// Early return of a failed Result from a function that itself returns a Result.
#define GPUAAS_RETURN_IF_ERROR(expr)                                                      \
  do {                                                                                    \
    if (auto gpuaas_status_ = (expr); !gpuaas_status_) return gpuaas_status_.TakeError(); \
  } while (false)

#define GPUAAS_CONCAT_INNER(a, b) a##b
#define GPUAAS_CONCAT(a, b) GPUAAS_CONCAT_INNER(a, b)
#define GPUAAS_ASSIGN_OR_RETURN(lhs, expr) \
  GPUAAS_ASSIGN_OR_RETURN_IMPL(GPUAAS_CONCAT(gpuaas_result_, __LINE__), lhs, expr)
#define GPUAAS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp) return tmp.TakeError();                  \
  lhs = std::move(tmp).value()
