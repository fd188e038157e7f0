#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::services {

// argon2id through libsodium. `kInteractive` is libsodium's recommended cost for logins;
// `kMinimum` exists only so test suites that sign in thousands of times run in seconds, and
// the server logs a warning when it is configured.
enum class PasswordHashCost { kInteractive, kMinimum };

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordHashCost cost = PasswordHashCost::kInteractive);

  [[nodiscard]] Result<std::string> Hash(std::string_view password) const;
  // Constant-time by construction (libsodium recomputes and compares the whole hash).
  [[nodiscard]] bool Verify(std::string_view encoded_hash, std::string_view password) const;
  // Spends the same time as a real verification, for sign-ins with an unknown email, so the
  // response time does not reveal which accounts exist.
  void VerifyDummy(std::string_view password) const;

 private:
  unsigned long long opslimit_;
  std::size_t memlimit_;
  std::string dummy_hash_;
};

// Password rules: 12 to 256 characters; the error names `field`.
Status ValidatePassword(std::string_view password, std::string_view field);

}  // namespace gpuaas::services
