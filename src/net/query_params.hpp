#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::net {

// A decoded query string (application/x-www-form-urlencoded: %XX and '+').
class QueryParams {
 public:
  // invalid_argument naming "query" for a malformed escape.
  static Result<QueryParams> Parse(std::string_view query);
  // The first value of `name`, if present.
  [[nodiscard]] std::optional<std::string> Find(std::string_view name) const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

  // Refuses a parameter not in `known`, or longer than `max_length`, naming it.
  [[nodiscard]] Status OnlyKnown(std::initializer_list<std::string_view> known, std::size_t max_length = 300) const;
  // A present, non-empty value, or nothing.
  [[nodiscard]] std::optional<std::string> Text(std::string_view name) const;
  // An integer in [low, high], or nothing when absent; the error names the parameter.
  [[nodiscard]] Result<std::optional<std::int64_t>> Int(std::string_view name, std::int64_t low,
                                                        std::int64_t high) const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace gpuaas::net
