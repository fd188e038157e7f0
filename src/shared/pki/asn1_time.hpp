#pragma once

// Internal to shared/pki: certificate validity times to and from the project's Timestamp.

#include "shared/clock.hpp"
#include "shared/pki/openssl_handles.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki::internal {

// X.509 times have whole seconds; the fraction is dropped (rounded down).
Status SetAsn1Time(ASN1_TIME& target, Timestamp time);
Result<Timestamp> FromAsn1Time(const ASN1_TIME& time);

}  // namespace gpuaas::pki::internal
