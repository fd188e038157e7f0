#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::pki {

// A freshly generated EC P-256 key pair. The private key is unencrypted PKCS#8 PEM
// ("BEGIN PRIVATE KEY"): the agent keeps it in a 0600 file, the server seals the CA's (sealed_key.hpp).
struct KeyPair {
  std::string private_key_pem;
  std::string public_key_pem;  // SubjectPublicKeyInfo ("BEGIN PUBLIC KEY")
};

Result<KeyPair> GenerateKeyPair();

// "sha256:<64 lower-case hex>" of the DER SubjectPublicKeyInfo. Stable across PEM re-encodings, so
// the server can tell whether a second enrollment for a node ID presents the key it already knows.
Result<std::string> PublicKeyFingerprint(std::string_view public_key_pem);

}  // namespace gpuaas::pki
