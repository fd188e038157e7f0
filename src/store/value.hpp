#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gpuaas::store {

// A SQL parameter or column value. Booleans are stored as 0/1 integers on both backends;
// times as RFC 3339 text; money as integer micro-units.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value Null() { return std::monostate{}; }

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  [[nodiscard]] bool IsNull(std::size_t column) const {
    return std::holds_alternative<std::monostate>(values_.at(column));
  }
  [[nodiscard]] std::int64_t Int(std::size_t column) const;
  [[nodiscard]] double Real(std::size_t column) const;
  [[nodiscard]] const std::string& Text(std::size_t column) const;
  [[nodiscard]] std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;
using Params = std::vector<Value>;

}  // namespace gpuaas::store
