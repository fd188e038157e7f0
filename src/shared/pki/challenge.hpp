#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::pki {

// Where TLS ends in front of the server (a load balancer), the agent proves it holds its
// certificate's key by signing a fresh server nonce: ECDSA P-256 over SHA-256.
//
// The signed message is a fixed context label followed by the challenge, so a signature made for
// this protocol can never be replayed as a signature over something else made with the same key.
// Challenges are 16 to 1024 bytes: shorter ones are guessable, so an agent refuses to sign them.
inline constexpr std::size_t kMinChallengeBytes = 16;
inline constexpr std::size_t kMaxChallengeBytes = 1024;

// The signature as base64url without padding (DER-encoded ECDSA).
Result<std::string> SignChallenge(std::string_view private_key_pem, std::string_view challenge);

// Checks `signature` over `challenge` against the key in `cert_pem`. It does not check the
// certificate itself: call VerifyNodeCertificate (verify.hpp) first. A signature that does not
// verify is unauthenticated; malformed input is invalid_argument.
Status VerifyChallenge(std::string_view cert_pem, std::string_view challenge, std::string_view signature);

}  // namespace gpuaas::pki
