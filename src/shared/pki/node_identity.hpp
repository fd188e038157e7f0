#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::pki {

// A node certificate names its node twice: subject CN = node ID, and the SAN URI
// `gpuaas://node/<node ID>`, which is what verification trusts (CNs are free text to most tools).
inline constexpr std::string_view kNodeUriPrefix = "gpuaas://node/";

// Node IDs go into a CN (at most 64 characters) and a URI path segment, so they are 1 to 64 of
// [A-Za-z0-9._-]; anything else is invalid_argument naming `field`.
Status ValidateNodeId(std::string_view node_id, std::string_view field = "node_id");

// `gpuaas://node/<node_id>` for a valid node ID.
std::string NodeUri(std::string_view node_id);

}  // namespace gpuaas::pki
