#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::services {

// The one line a user pastes from ~/.ssh/id_*.pub, checked and reduced to what we store.
struct SshPublicKey {
  std::string type;  // "ssh-ed25519", "ecdsa-sha2-nistp256" (384, 521) or "ssh-rsa"
  int bits = 0;      // 256 for Ed25519, the curve size for ECDSA, significant bits of the RSA modulus
  // "SHA256:" + unpadded base64 of SHA-256 over the decoded key blob: the same text `ssh-keygen -lf` prints,
  // so users can match what they see locally with what the console shows.
  std::string fingerprint;
  std::string comment;     // what followed the key data, trimmed; may be empty
  std::string normalized;  // "type base64" without the comment: what goes into authorized_keys
};

inline constexpr std::size_t kMaxSshPublicKeyTextBytes = 16 * 1024;
inline constexpr std::size_t kMaxSshPublicKeyCommentBytes = 255;
inline constexpr int kMinSshRsaBits = 3072;

// Accepts one line in OpenSSH public key format, "type base64 [comment]", surrounding whitespace allowed.
// Only Ed25519, ECDSA on the NIST curves and RSA of at least kMinSshRsaBits are accepted: DSA, short RSA,
// certificates and security-key types are refused. Every failure is InvalidArgument on field "public_key"
// with a message written for the person who pasted the key.
Result<SshPublicKey> ParseSshPublicKey(std::string_view text);

}  // namespace gpuaas::services
