#include "wire/json_object_reader.hpp"

#include <cmath>

namespace gpuaas::wire {

Result<JsonObjectReader> JsonObjectReader::Open(const boost::json::value& json, std::string_view path) {
  if (!json.is_object()) return Error::InvalidArgument(path.empty() ? "body" : std::string(path), "expected an object");
  return JsonObjectReader(json.get_object(), path);
}

std::string JsonObjectReader::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void JsonObjectReader::Fail(std::string_view key, std::string message) {
  if (!error_) error_ = Error::InvalidArgument(PathOf(key), std::move(message));
}

const boost::json::value* JsonObjectReader::Field(std::string_view key) {
  read_.emplace(key);
  if (error_) return nullptr;
  const auto* found = object_->if_contains(key);
  if (found == nullptr) Fail(key, "is required");
  return found;
}

std::optional<std::string> JsonObjectReader::OptionalString(std::string_view key) {
  const auto* field = Field(key);
  if (field == nullptr || field->is_null()) return std::nullopt;
  if (!field->is_string() || field->get_string().empty()) {
    Fail(key, "expected a non-empty string or null");
    return std::nullopt;
  }
  return std::string(field->get_string());
}

std::string JsonObjectReader::String(std::string_view key) {
  const auto* field = Field(key);
  if (field == nullptr) return {};
  if (!field->is_string() || field->get_string().empty()) {
    Fail(key, "expected a non-empty string");
    return {};
  }
  return std::string(field->get_string());
}

std::optional<std::uint64_t> JsonObjectReader::ReadUnsigned(std::string_view key, std::uint64_t max, bool nullable) {
  const auto* field = Field(key);
  if (field == nullptr) return std::nullopt;
  if (field->is_null()) {
    if (!nullable) Fail(key, "must not be null");
    return std::nullopt;
  }
  // Integers only: 3.0 or 1e3 would be a sender that computes counts in floating point.
  std::optional<std::uint64_t> number;
  if (field->is_uint64()) number = field->get_uint64();
  if (field->is_int64() && field->get_int64() >= 0) number = static_cast<std::uint64_t>(field->get_int64());
  if (!number || *number > max) {
    Fail(key, "expected an integer from 0 to " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<std::uint64_t> JsonObjectReader::OptionalUnsigned(std::string_view key, std::uint64_t max) {
  return ReadUnsigned(key, max, true);
}

std::uint64_t JsonObjectReader::Unsigned(std::string_view key, std::uint64_t max) {
  return ReadUnsigned(key, max, false).value_or(0);
}

std::optional<double> JsonObjectReader::OptionalNonNegative(std::string_view key) {
  const auto* field = Field(key);
  if (field == nullptr || field->is_null()) return std::nullopt;
  if (!field->is_number()) {
    Fail(key, "expected a number or null");
    return std::nullopt;
  }
  const double number = field->is_double()  ? field->get_double()
                        : field->is_int64() ? static_cast<double>(field->get_int64())
                                            : static_cast<double>(field->get_uint64());
  if (!std::isfinite(number) || number < 0) {
    Fail(key, "expected a non-negative number");
    return std::nullopt;
  }
  return number;
}

bool JsonObjectReader::Bool(std::string_view key) {
  const auto* field = Field(key);
  if (field == nullptr) return false;
  if (!field->is_bool()) Fail(key, "expected true or false");
  return field->is_bool() && field->get_bool();
}

const boost::json::array* JsonObjectReader::Array(std::string_view key) {
  const auto* field = Field(key);
  if (field == nullptr) return nullptr;
  if (!field->is_array()) {
    Fail(key, "expected an array");
    return nullptr;
  }
  return &field->get_array();
}

const boost::json::object* JsonObjectReader::Object(std::string_view key) {
  const auto* field = Field(key);
  if (field == nullptr) return nullptr;
  if (!field->is_object()) {
    Fail(key, "expected an object");
    return nullptr;
  }
  return &field->get_object();
}

Status JsonObjectReader::Finish() {
  if (error_) return *error_;
  for (const auto& entry : *object_) {
    if (!read_.contains(entry.key())) return Error::InvalidArgument(PathOf(entry.key()), "is not a known field");
  }
  return Ok();
}

}  // namespace gpuaas::wire
