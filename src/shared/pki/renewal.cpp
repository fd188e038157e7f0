#include "shared/pki/renewal.hpp"

#include "shared/pki/certificate_authority.hpp"

namespace gpuaas::pki {

Timestamp RenewalTime(Timestamp not_before, Timestamp not_after) {
  if (not_after <= not_before) return not_before;  // nothing left to wait for
  const Timestamp issued = not_before + kClockSkewAllowance < not_after ? not_before + kClockSkewAllowance : not_before;
  return issued + (not_after - issued) * 2 / 3;
}

}  // namespace gpuaas::pki
