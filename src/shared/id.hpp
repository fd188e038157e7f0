#pragma once

#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/result.hpp"

namespace gpuaas {

// Resource IDs: `<prefix>_<26 chars>`, the chars being 48 bits of milliseconds since the
// epoch and 80 random bits in Crockford base32 (lower case), so IDs sort by creation time.
class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  [[nodiscard]] virtual std::string Next(std::string_view prefix) = 0;
};

class RandomIdGenerator final : public IdGenerator {
 public:
  explicit RandomIdGenerator(const Clock& clock) : clock_(clock) {}
  [[nodiscard]] std::string Next(std::string_view prefix) override;

 private:
  const Clock& clock_;
};

// Formats an ID from its parts; exposed for tests and for generators with fixed randomness.
std::string FormatId(std::string_view prefix, Timestamp time, const unsigned char (&random)[10]);

// Checks `text` is an ID with the given prefix; the error names `field`.
Status ValidateId(std::string_view text, std::string_view prefix, std::string_view field);

// The creation time encoded in a well-formed ID.
Result<Timestamp> IdTimestamp(std::string_view id);

}  // namespace gpuaas
