#pragma once

// Internal to shared/pki: the one key algorithm the platform issues for and accepts.

#include <string_view>

#include "shared/pki/openssl_handles.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki::internal {

// Node and CA keys are EC P-256 (prime256v1): one algorithm means one signature format for
// challenges, one TLS configuration, and no weak RSA sizes or exotic curves slipping in through a
// CSR. invalid_argument naming `field` otherwise, with the algorithm found in the message.
Status CheckNodeKey(EVP_PKEY& key, std::string_view field);

// A fresh key of that one algorithm, from OpenSSL's CSPRNG.
Result<PkeyPtr> GenerateNodeKey();

}  // namespace gpuaas::pki::internal
