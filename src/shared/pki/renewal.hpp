#pragma once

#include "shared/clock.hpp"

namespace gpuaas::pki {

// When an agent asks for a new certificate: at two thirds of the old one's validity, which leaves a
// third of the lifetime (over two days with the 7-day default) to retry through a server outage.
// The validity counts from issuance: the platform CA backdates not_before by kClockSkewAllowance,
// and counting from there would make a short-lived certificate (one minute) due the moment it
// arrives, renewing on every tick.
Timestamp RenewalTime(Timestamp not_before, Timestamp not_after);

inline bool RenewalDue(Timestamp not_before, Timestamp not_after, Timestamp now) {
  return now >= RenewalTime(not_before, not_after);
}

}  // namespace gpuaas::pki
