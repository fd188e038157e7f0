#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::pki {

// The agent's side of enrollment: a PKCS#10 request over its own key, signed with SHA-256.
// `private_key_pem` must be EC P-256 (see GenerateKeyPair); `common_name` is informational only,
// since the server names the certificate after the node ID it assigns.
Result<std::string> MakeCsr(std::string_view private_key_pem, std::string_view common_name);

struct ParsedCsr {
  std::string common_name;  // empty when the request has none
  std::string public_key_pem;
};

// The server's side: refuses input over 16 KiB, anything that is not a PEM CSR, a self-signature
// that does not verify (the requester must hold the private key), and keys other than EC P-256.
// Every refusal is invalid_argument naming `csr_pem`.
Result<ParsedCsr> ParseCsr(std::string_view csr_pem);

}  // namespace gpuaas::pki
