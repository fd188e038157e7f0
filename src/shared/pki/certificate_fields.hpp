#pragma once

// Internal to shared/pki: the fields certificate_authority.cpp fills and verify.cpp reads back.

#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/pki/openssl_handles.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki::internal {

// 128 random bits from the CSPRNG. Unpredictable serials are what CA/B Forum rules ask for (they
// defeat chosen-prefix collisions) and make two certificates with one serial practically impossible,
// which matters because revocation is recorded by serial.
Status SetRandomSerial(X509& certificate);

// Lower-case hex of the serial without leading zeros: how revocation tables store it.
Result<std::string> SerialHex(const X509& certificate);

// Adds an extension written in OpenSSL's configuration syntax ("critical,CA:TRUE"). `value` must be
// a constant of this folder, never text from a request.
Status AddExtension(X509& certificate, X509& issuer, int nid, const char* value);

// Adds subjectAltName with the single URI `uri`, built as a value rather than parsed from text.
Status AddUriSubjectAltName(X509& certificate, std::string_view uri);

Status SetValidity(X509& certificate, Timestamp not_before, Timestamp not_after);

}  // namespace gpuaas::pki::internal
