#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::wire::fleet {

// The text an operator pastes into `gpuaas-agent enroll --token`. It carries everything the agent
// needs before it trusts anything: where the server is and which CA to pin, so the first
// connection is not trust-on-first-use. Only `secret` is a credential; the server stores its hash.
//
//   gpbt1.<base64url(JSON {"u": server_url, "f": ca_fingerprint, "s": secret})>
struct BootstrapToken {
  std::string server_url;      // "http://10.0.0.5:8080": scheme, host and port, no path
  std::string ca_fingerprint;  // "sha256:<64 hex>" of the platform CA certificate
  std::string secret;          // 32+ random URL-safe characters
};

inline constexpr std::string_view kBootstrapTokenPrefix = "gpbt1.";

std::string EncodeBootstrapToken(const BootstrapToken& token);

// invalid_argument naming `field` for anything that is not a token of this version: wrong prefix,
// bad base64 or JSON, a URL that is not http(s)://host[:port], a fingerprint not "sha256:" + 64
// lower-case hex, a secret under 32 characters.
Result<BootstrapToken> DecodeBootstrapToken(std::string_view text, std::string_view field = "token");

}  // namespace gpuaas::wire::fleet
