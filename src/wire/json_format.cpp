#include "wire/json_format.hpp"

#include <boost/json.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace gpuaas::wire {
namespace {

class Writer {
 public:
  explicit Writer(JsonLayout layout) : pretty_(layout == JsonLayout::kPretty) {}

  void Write(const boost::json::value& json, std::size_t depth) {
    if (json.is_object() && !json.get_object().empty()) {
      out_ += '{';
      bool first = true;
      for (const auto& member : json.get_object()) {
        Separate(first, depth + 1);
        out_ += boost::json::serialize(boost::json::string_view(member.key()));
        out_ += pretty_ ? ": " : ":";
        Write(member.value(), depth + 1);
      }
      Close('}', depth);
    } else if (json.is_array() && !json.get_array().empty()) {
      out_ += '[';
      bool first = true;
      for (const auto& element : json.get_array()) {
        Separate(first, depth + 1);
        Write(element, depth + 1);
      }
      Close(']', depth);
    } else if (json.is_double()) {
      WriteDouble(json.get_double());
    } else {
      out_ += boost::json::serialize(json);  // strings, integers, booleans, null, empty containers
    }
  }

  std::string Take() && {
    if (pretty_) out_ += '\n';
    return std::move(out_);
  }

 private:
  void Separate(bool& first, std::size_t depth) {
    if (!first) out_ += ',';
    first = false;
    if (pretty_) out_ += '\n' + std::string(2 * depth, ' ');
  }

  void Close(char bracket, std::size_t depth) {
    if (pretty_) out_ += '\n' + std::string(2 * depth, ' ');
    out_ += bracket;
  }

  void WriteDouble(double number) {
    if (!std::isfinite(number)) {
      out_ += "null";
      return;
    }
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    out_.append(buffer.data(), ec == std::errc{} ? end : buffer.data());
  }

  bool pretty_;
  std::string out_;
};

}  // namespace

std::string FormatJson(const boost::json::value& json, JsonLayout layout) {
  Writer writer(layout);
  writer.Write(json, 0);
  return std::move(writer).Take();
}

}  // namespace gpuaas::wire
