#include "shared/id.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace gpuaas {
namespace {

constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr std::size_t kBodyLength = 26;
constexpr std::size_t kMaxPrefixLength = 12;

int DecodeChar(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

bool ValidPrefix(std::string_view prefix) {
  if (prefix.empty() || prefix.size() > kMaxPrefixLength) return false;
  for (const char c : prefix) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

std::string FormatId(std::string_view prefix, Timestamp time, const unsigned char (&random)[10]) {
  const auto millis = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count());
  // 128 bits: 48 bits of time then 80 random bits; 26 base32 digits hold 130 bits.
  std::array<unsigned char, 16> bytes{};
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(millis >> (8 * (5 - i)));
  for (int i = 0; i < 10; ++i) bytes[6 + i] = random[i];

  std::string id(prefix);
  id.push_back('_');
  // Read 5 bits at a time from a 130-bit big-endian number whose top 2 bits are zero.
  for (std::size_t digit = 0; digit < kBodyLength; ++digit) {
    const int bit_offset = static_cast<int>(digit) * 5 - 2;
    int value = 0;
    for (int b = 0; b < 5; ++b) {
      const int bit = bit_offset + b;
      value <<= 1;
      if (bit >= 0) value |= (bytes[bit / 8] >> (7 - bit % 8)) & 1;
    }
    id.push_back(kAlphabet[value]);
  }
  return id;
}

std::string RandomIdGenerator::Next(std::string_view prefix) {
  // Random bytes come from OpenSSL's CSPRNG in 4 KiB blocks per thread: one call per request
  // (every request gets an ID) showed up in profiles, one call per 409 IDs does not.
  thread_local std::array<unsigned char, 4090> pool{};
  thread_local std::size_t used = pool.size();
  if (used + 10 > pool.size()) {
    if (RAND_bytes(pool.data(), static_cast<int>(pool.size())) != 1) {
      // OpenSSL's CSPRNG only fails when the OS cannot seed it: nothing sane can continue.
      std::abort();
    }
    used = 0;
  }
  unsigned char random[10];
  std::copy_n(pool.data() + used, sizeof random, random);
  used += sizeof random;
  return FormatId(prefix, clock_.Now(), random);
}

Status ValidateId(std::string_view text, std::string_view prefix, std::string_view field) {
  const auto underscore = text.rfind('_');
  const auto body = underscore == std::string_view::npos ? std::string_view{} : text.substr(underscore + 1);
  if (underscore == std::string_view::npos || text.substr(0, underscore) != prefix) {
    return Error::InvalidArgument(std::string(field), "expected an ID starting with '" + std::string(prefix) + "_'");
  }
  if (body.size() != kBodyLength || body[0] > '7') {
    return Error::InvalidArgument(std::string(field), "malformed ID");
  }
  for (const char c : body) {
    if (DecodeChar(c) < 0) return Error::InvalidArgument(std::string(field), "malformed ID");
  }
  return Ok();
}

Result<Timestamp> IdTimestamp(std::string_view id) {
  const auto underscore = id.rfind('_');
  if (underscore == std::string_view::npos || !ValidPrefix(id.substr(0, underscore))) {
    return Error::InvalidArgument("id", "malformed ID");
  }
  GPUAAS_RETURN_IF_ERROR(ValidateId(id, id.substr(0, underscore), "id"));
  // The first 10 digits hold 50 bits: 2 zero bits then the 48-bit millisecond count.
  std::uint64_t millis = 0;
  for (std::size_t i = 0; i < 10; ++i)
    millis = (millis << 5) | static_cast<std::uint64_t>(DecodeChar(id[underscore + 1 + i]));
  return Timestamp{std::chrono::milliseconds{millis}};
}

}  // namespace gpuaas
