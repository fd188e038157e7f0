#pragma once

#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki {

// Why a certificate was refused, as the stable detail "reason" of the error: callers branch on it
// (an expired certificate means "renew or re-enroll"), never on the message text.
inline constexpr std::string_view kReasonUnknownIssuer = "unknown_issuer";
inline constexpr std::string_view kReasonExpired = "expired";
inline constexpr std::string_view kReasonNotYetValid = "not_yet_valid";
inline constexpr std::string_view kReasonNotANodeCertificate = "not_a_node_certificate";
inline constexpr std::string_view kReasonChainInvalid = "chain_invalid";

struct VerifiedNode {
  std::string node_id;  // from the SAN URI gpuaas://node/<node_id>
  std::string serial;   // lower-case hex: the caller checks it against its revocation table
  Timestamp not_before;
  Timestamp not_after;
  std::string public_key_fingerprint;  // as PublicKeyFingerprint: tells two keys claiming one node apart
};

// Checks a node certificate against the platform CA at `now`. Unparseable PEM is invalid_argument;
// every other refusal is unauthenticated with a "reason" detail: not signed by this CA
// (unknown_issuer), expired or not yet valid (with both times in the message), a CA certificate,
// no clientAuth usage, or no gpuaas://node/ SAN URI matching the CN (not_a_node_certificate).
// Revocation is not checked here: the server keeps the revoked serials.
Result<VerifiedNode> VerifyNodeCertificate(std::string_view ca_cert_pem, std::string_view leaf_pem, Timestamp now);

}  // namespace gpuaas::pki
