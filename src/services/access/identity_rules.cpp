#include "services/access/identity_rules.hpp"

#include <algorithm>
#include <cctype>

namespace gpuaas::services {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<std::string> NormalizeEmail(std::string_view email, std::string_view field) {
  const auto trimmed = Trim(email);
  const std::string name(field);
  if (trimmed.empty()) return Error::InvalidArgument(name, "is required");
  if (trimmed.size() > 254) return Error::InvalidArgument(name, "must be at most 254 characters");
  const auto at = trimmed.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= trimmed.size() ||
      trimmed.find('@', at + 1) != trimmed.npos) {
    return Error::InvalidArgument(name, "must be an email address like name@example.com");
  }
  const auto domain = trimmed.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.') {
    return Error::InvalidArgument(name, "must be an email address like name@example.com");
  }
  for (const char c : trimmed) {
    if (std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c))) {
      return Error::InvalidArgument(name, "must not contain spaces or control characters");
    }
  }
  std::string normalized(trimmed);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return normalized;
}

Result<std::string> ValidateName(std::string_view name, std::string_view field, std::size_t max_length) {
  const auto trimmed = Trim(name);
  const std::string field_name(field);
  if (trimmed.empty()) return Error::InvalidArgument(field_name, "must not be empty");
  if (trimmed.size() > max_length) {
    return Error::InvalidArgument(field_name, "must be at most " + std::to_string(max_length) + " characters");
  }
  for (const char c : trimmed) {
    if (std::iscntrl(static_cast<unsigned char>(c))) {
      return Error::InvalidArgument(field_name, "must not contain control characters");
    }
  }
  return std::string(trimmed);
}

}  // namespace gpuaas::services
