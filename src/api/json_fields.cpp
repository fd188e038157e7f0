#include "api/json_fields.hpp"

namespace gpuaas::api {
namespace {

const boost::json::value* Find(const boost::json::object& body, std::string_view name) {
  const auto* value = body.if_contains(name);
  return value == nullptr || value->is_null() ? nullptr : value;
}

}  // namespace

Status RejectUnknownFields(const boost::json::object& body, std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : body) {
    bool found = false;
    for (const auto name : known) found = found || key == name;
    if (!found) return Error::InvalidArgument(std::string(key), "unknown field");
  }
  return Ok();
}

Result<std::string> RequiredString(const boost::json::object& body, std::string_view name, std::size_t max_length) {
  GPUAAS_ASSIGN_OR_RETURN(auto value, OptionalString(body, name, max_length));
  if (!value) return Error::InvalidArgument(std::string(name), "is required");
  return *std::move(value);
}

Result<std::optional<std::string>> OptionalString(const boost::json::object& body, std::string_view name,
                                                  std::size_t max_length) {
  const auto* value = Find(body, name);
  if (value == nullptr) return std::optional<std::string>();
  if (!value->is_string()) return Error::InvalidArgument(std::string(name), "must be a string");
  const auto& text = value->get_string();
  if (text.size() > max_length) {
    return Error::InvalidArgument(std::string(name), "must be at most " + std::to_string(max_length) + " characters");
  }
  return std::optional<std::string>(std::string(text.data(), text.size()));
}

Result<std::optional<bool>> OptionalBool(const boost::json::object& body, std::string_view name) {
  const auto* value = Find(body, name);
  if (value == nullptr) return std::optional<bool>();
  if (!value->is_bool()) return Error::InvalidArgument(std::string(name), "must be true or false");
  return std::optional<bool>(value->get_bool());
}

Result<std::optional<std::int64_t>> OptionalInt(const boost::json::object& body, std::string_view name) {
  const auto* value = Find(body, name);
  if (value == nullptr) return std::optional<std::int64_t>();
  if (value->is_int64()) return std::optional<std::int64_t>(value->get_int64());
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(value->get_uint64()));
  }
  return Error::InvalidArgument(std::string(name), "must be an integer");
}

Result<NullableInt> OptionalNullableInt(const boost::json::object& body, std::string_view name) {
  if (!body.contains(name)) return NullableInt{};
  GPUAAS_ASSIGN_OR_RETURN(const auto value, OptionalInt(body, name));
  if (value && *value < 0) return Error::InvalidArgument(std::string(name), "must not be negative");
  return NullableInt{true, value};
}

Result<std::optional<std::vector<std::string>>> OptionalStringArray(const boost::json::object& body,
                                                                    std::string_view name) {
  const auto* value = Find(body, name);
  if (value == nullptr) return std::optional<std::vector<std::string>>();
  if (!value->is_array()) return Error::InvalidArgument(std::string(name), "must be an array of strings");
  std::vector<std::string> items;
  for (const auto& item : value->get_array()) {
    if (!item.is_string() || item.get_string().size() > 200) {
      return Error::InvalidArgument(std::string(name), "must be an array of strings");
    }
    items.emplace_back(item.get_string().data(), item.get_string().size());
  }
  if (items.size() > 100) return Error::InvalidArgument(std::string(name), "must have at most 100 items");
  return std::optional<std::vector<std::string>>(std::move(items));
}

}  // namespace gpuaas::api
