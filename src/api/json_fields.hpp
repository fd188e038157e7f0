#pragma once

#include <boost/json/object.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::api {

// Reading fields of a JSON request body. Every error is invalid_argument naming the field.
Status RejectUnknownFields(const boost::json::object& body, std::initializer_list<std::string_view> known);
Result<std::string> RequiredString(const boost::json::object& body, std::string_view name,
                                   std::size_t max_length = 4096);
Result<std::optional<std::string>> OptionalString(const boost::json::object& body, std::string_view name,
                                                  std::size_t max_length = 4096);
Result<std::optional<bool>> OptionalBool(const boost::json::object& body, std::string_view name);
Result<std::optional<std::int64_t>> OptionalInt(const boost::json::object& body, std::string_view name);
Result<std::optional<std::vector<std::string>>> OptionalStringArray(const boost::json::object& body,
                                                                    std::string_view name);
// Like OptionalInt, but tells a JSON null (set to nothing) from an absent field.
struct NullableInt {
  bool present = false;
  std::optional<std::int64_t> value;
};
Result<NullableInt> OptionalNullableInt(const boost::json::object& body, std::string_view name);

}  // namespace gpuaas::api
