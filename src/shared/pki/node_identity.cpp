#include "shared/pki/node_identity.hpp"

namespace gpuaas::pki {
namespace {

constexpr std::size_t kMaxNodeIdLength = 64;  // ub-common-name in RFC 5280

bool IsNodeIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

}  // namespace

Status ValidateNodeId(std::string_view node_id, std::string_view field) {
  if (node_id.empty()) return Error::InvalidArgument(std::string(field), "is empty");
  if (node_id.size() > kMaxNodeIdLength) {
    return Error::InvalidArgument(std::string(field),
                                  "is longer than " + std::to_string(kMaxNodeIdLength) + " characters");
  }
  for (const char c : node_id) {
    // The ID goes into the URI unescaped, so only characters that need no escaping are allowed.
    if (!IsNodeIdChar(c)) return Error::InvalidArgument(std::string(field), "may contain only A-Z a-z 0-9 . _ -");
  }
  if (node_id == "." || node_id == "..") return Error::InvalidArgument(std::string(field), "is not a node ID");
  return Ok();
}

std::string NodeUri(std::string_view node_id) { return std::string(kNodeUriPrefix) + std::string(node_id); }

}  // namespace gpuaas::pki
