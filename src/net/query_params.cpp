#include "net/query_params.hpp"

#include <algorithm>
#include <charconv>

namespace gpuaas::net {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> DecodeComponent(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (i + 2 >= text.size() || high < 0 || low < 0) {
        return Error::InvalidArgument("query", "has a malformed percent escape");
      }
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

Result<QueryParams> QueryParams::Parse(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    const auto end = std::min(query.find('&'), query.size());
    const auto pair = query.substr(0, end);
    query.remove_prefix(std::min(end + 1, query.size()));
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    GPUAAS_ASSIGN_OR_RETURN(auto name, DecodeComponent(pair.substr(0, equals)));
    std::string value;
    if (equals != std::string_view::npos) {
      GPUAAS_ASSIGN_OR_RETURN(value, DecodeComponent(pair.substr(equals + 1)));
    }
    params.entries_.emplace_back(std::move(name), std::move(value));
  }
  return params;
}

std::optional<std::string> QueryParams::Find(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

Status QueryParams::OnlyKnown(std::initializer_list<std::string_view> known, std::size_t max_length) const {
  for (const auto& [name, value] : entries_) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return Error::InvalidArgument(name.substr(0, 64), "unknown query parameter");
    }
    if (value.size() > max_length) {
      return Error::InvalidArgument(name, "must be at most " + std::to_string(max_length) + " characters");
    }
  }
  return Ok();
}

std::optional<std::string> QueryParams::Text(std::string_view name) const {
  auto value = Find(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

Result<std::optional<std::int64_t>> QueryParams::Int(std::string_view name, std::int64_t low,
                                                     std::int64_t high) const {
  const auto text = Text(name);
  if (!text) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < low || value > high) {
    return Error::InvalidArgument(std::string(name),
                                  "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
  }
  return std::optional<std::int64_t>(value);
}

}  // namespace gpuaas::net
