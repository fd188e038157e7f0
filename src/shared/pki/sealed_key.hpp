#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::pki {

// The CA private key at rest: authenticated encryption (libsodium secretbox: XSalsa20-Poly1305)
// under a 32-byte key that lives in configuration, never beside the sealed value.
inline constexpr std::size_t kSealingKeyBytes = 32;

// "v1:" + base64(24-byte random nonce || ciphertext and tag). The version prefix lets a later
// format be read next to this one. `key` must be kSealingKeyBytes raw bytes.
Result<std::string> SealWithKey(std::string_view plaintext, std::string_view key);

// The plaintext, or: invalid_argument for a wrong key size or text that is not a v1 sealed value;
// failed_precondition when it does not authenticate (wrong key, or the value was altered). A wrong
// key never yields garbage plaintext.
Result<std::string> OpenWithKey(std::string_view sealed, std::string_view key);

// A sealing key from a configuration secret: BLAKE2b (libsodium generichash) to 32 bytes under a
// fixed personalisation. A fast hash, not a password hash, so the secret must itself be random:
// at least 32 characters are required (e.g. `openssl rand -base64 32`).
Result<std::string> DeriveKeyFromSecret(std::string_view config_secret_text);

}  // namespace gpuaas::pki
