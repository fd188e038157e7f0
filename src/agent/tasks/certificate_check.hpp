#pragma once

#include "agent/state/state_store.hpp"
#include "shared/clock.hpp"
#include "shared/pki/verify.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::tasks {

// The node's own certificate checked against the CA it pinned at enrollment, as the server will
// check it: what the probe reports and what renewal timing reads.
Result<pki::VerifiedNode> CheckOwnCertificate(const state::StateStore& store, Timestamp now);

}  // namespace gpuaas::agent::tasks
