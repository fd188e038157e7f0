#pragma once

#include <string_view>

#include "shared/clock.hpp"
#include "shared/pki/verify.hpp"
#include "shared/result.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::agent::enroll {

// Decides whether to trust an enrollment answer before anything is written: the CA must be the one
// the bootstrap token pinned (`pinned_ca_fingerprint`), the certificate must verify under it, name
// the node the server said, and hold the key this agent generated (`public_key_pem`).
// Every refusal is unauthenticated, with a message an operator can act on.
Result<pki::VerifiedNode> CheckEnrollmentResponse(std::string_view pinned_ca_fingerprint,
                                                  const wire::fleet::EnrollResponse& response,
                                                  std::string_view public_key_pem, Timestamp now);

}  // namespace gpuaas::agent::enroll
