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

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace gpuaas::net
