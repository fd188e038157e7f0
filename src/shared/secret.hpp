#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gpuaas {

// Secrets the platform hands out (API tokens, session cookies, CSRF tokens): 256 bits from
// the operating system's CSPRNG, base64url without padding, behind a readable prefix such as
// "gpuaas_pat_" so leaked values are recognisable by secret scanners.
std::string GenerateSecret(std::string_view prefix, std::size_t random_bytes = 32);

// Lower-case hex SHA-256. Secrets are stored as this digest: they carry enough entropy that a
// fast hash is safe, and a lookup by digest reveals nothing about the value.
std::string Sha256Hex(std::string_view data);

// Raw 32-byte SHA-256 digest.
std::string Sha256(std::string_view data);

// Compares without an early exit, so the time taken does not reveal where two secrets differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

std::string Base64Encode(std::string_view bytes, bool pad = true);
// Standard alphabet, padding optional; false on malformed input.
bool Base64Decode(std::string_view text, std::string& out);
// URL-safe alphabet without padding (RFC 4648 section 5), as tokens carry it.
std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace gpuaas
