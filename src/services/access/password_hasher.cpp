#include "services/access/password_hasher.hpp"

#include <sodium.h>

#include <stdexcept>

namespace gpuaas::services {

PasswordHasher::PasswordHasher(PasswordHashCost cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  if (cost == PasswordHashCost::kInteractive) {
    opslimit_ = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    memlimit_ = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  } else {
    opslimit_ = crypto_pwhash_OPSLIMIT_MIN;
    memlimit_ = crypto_pwhash_MEMLIMIT_MIN;
  }
  auto dummy = Hash("not a real password, only used to spend time");
  if (!dummy) throw std::runtime_error("argon2id is not available");
  dummy_hash_ = std::move(dummy).value();
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), opslimit_, memlimit_,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::Unavailable("password hashing is temporarily unavailable", "crypto_pwhash_str_alg ran out of memory");
  }
  return std::string(encoded);
}

bool PasswordHasher::Verify(std::string_view encoded_hash, std::string_view password) const {
  const std::string terminated(encoded_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const { (void)Verify(dummy_hash_, password); }

Status ValidatePassword(std::string_view password, std::string_view field) {
  if (password.size() < 12) return Error::InvalidArgument(std::string(field), "must be at least 12 characters");
  if (password.size() > 256) return Error::InvalidArgument(std::string(field), "must be at most 256 characters");
  return Ok();
}

}  // namespace gpuaas::services
