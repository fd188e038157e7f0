#include "shared/pki/renewal.hpp"

namespace gpuaas::pki {

Timestamp RenewalTime(Timestamp not_before, Timestamp not_after) {
  if (not_after <= not_before) return not_before;  // nothing left to wait for
  return not_before + (not_after - not_before) * 2 / 3;
}

}  // namespace gpuaas::pki
