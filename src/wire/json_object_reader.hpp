#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::wire {

// Reads the typed fields of one JSON object strictly, for the wire types that must not guess.
// The first problem is remembered and later reads return defaults, so a reader is a flat list of
// calls ending in Finish(), which also refuses fields nobody asked for. Errors are
// invalid_argument naming the field by its path in the document ("gpus[2].uuid").
class JsonObjectReader {
 public:
  // `path` is where the object sits ("" for the root); an error if `json` is not an object.
  // The reader refers to `json`, which must outlive it.
  static Result<JsonObjectReader> Open(const boost::json::value& json, std::string_view path);

  std::string String(std::string_view key);  // a non-empty string
  std::optional<std::string> OptionalString(std::string_view key);
  std::uint64_t Unsigned(std::string_view key, std::uint64_t max = std::numeric_limits<std::uint64_t>::max());
  std::optional<std::uint64_t> OptionalUnsigned(std::string_view key,
                                                std::uint64_t max = std::numeric_limits<std::uint64_t>::max());
  std::optional<double> OptionalNonNegative(std::string_view key);
  bool Bool(std::string_view key);
  const boost::json::array* Array(std::string_view key);    // nullptr after an error
  const boost::json::object* Object(std::string_view key);  // nullptr after an error

  // The path of a field of this object, for callers that check rules across fields.
  [[nodiscard]] std::string PathOf(std::string_view key) const;
  void Fail(std::string_view key, std::string message);
  [[nodiscard]] bool failed() const { return error_.has_value(); }
  Status Finish();

 private:
  JsonObjectReader(const boost::json::object& object, std::string_view path) : object_(&object), path_(path) {}
  // The field's value, or nullptr (and an error) when it is missing or an earlier read failed.
  const boost::json::value* Field(std::string_view key);
  std::optional<std::uint64_t> ReadUnsigned(std::string_view key, std::uint64_t max, bool nullable);

  const boost::json::object* object_;
  std::string path_;
  std::set<std::string, std::less<>> read_;
  std::optional<Error> error_;
};

}  // namespace gpuaas::wire
