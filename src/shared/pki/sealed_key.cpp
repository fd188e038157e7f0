#include "shared/pki/sealed_key.hpp"

#include <sodium.h>

#include "shared/secret.hpp"

namespace gpuaas::pki {
namespace {

constexpr std::string_view kVersionPrefix = "v1:";
constexpr std::size_t kMinSecretLength = 32;
// generichash's key doubles as a domain separator: the same secret used elsewhere gives another key.
constexpr std::string_view kDerivationContext = "gpuaas.pki.sealed_key.v1";

Status CheckKey(std::string_view key) {
  static_assert(kSealingKeyBytes == crypto_secretbox_KEYBYTES);
  if (key.size() != kSealingKeyBytes) {
    return Error::InvalidArgument("key", "must be " + std::to_string(kSealingKeyBytes) + " bytes");
  }
  // sodium_init() is idempotent and thread-safe; it fails only without an entropy source.
  if (sodium_init() < 0) return Error::Internal("libsodium could not be initialised");
  return Ok();
}

const unsigned char* Bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

Result<std::string> SealWithKey(std::string_view plaintext, std::string_view key) {
  GPUAAS_RETURN_IF_ERROR(CheckKey(key));
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);  // 192 random bits: no nonce reuse in practice
  if (crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, Bytes(plaintext), plaintext.size(), nonce,
                            Bytes(key)) != 0) {
    return Error::Internal("crypto_secretbox_easy failed");
  }
  return std::string(kVersionPrefix) + Base64Encode(box);
}

Result<std::string> OpenWithKey(std::string_view sealed, std::string_view key) {
  GPUAAS_RETURN_IF_ERROR(CheckKey(key));
  if (!sealed.starts_with(kVersionPrefix)) {
    return Error::InvalidArgument("sealed", "is not a sealed value (expected the prefix \"v1:\")");
  }
  std::string box;
  if (!Base64Decode(sealed.substr(kVersionPrefix.size()), box) ||
      box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Error::InvalidArgument("sealed", "is not valid base64 of a nonce and a ciphertext");
  }
  const auto* nonce = Bytes(box);
  const std::size_t cipher_size = box.size() - crypto_secretbox_NONCEBYTES;
  std::string plaintext(cipher_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, cipher_size, nonce, Bytes(key)) != 0) {
    return Error::FailedPrecondition("sealed value does not open with this key: wrong key, or the value was altered");
  }
  return plaintext;
}

Result<std::string> DeriveKeyFromSecret(std::string_view config_secret_text) {
  if (config_secret_text.size() < kMinSecretLength) {
    return Error::InvalidArgument(
        "secret", "must be at least " + std::to_string(kMinSecretLength) + " characters of random text");
  }
  if (sodium_init() < 0) return Error::Internal("libsodium could not be initialised");
  std::string key(kSealingKeyBytes, '\0');
  if (crypto_generichash(reinterpret_cast<unsigned char*>(key.data()), key.size(), Bytes(config_secret_text),
                         config_secret_text.size(), Bytes(kDerivationContext), kDerivationContext.size()) != 0) {
    return Error::Internal("crypto_generichash failed");
  }
  return key;
}

}  // namespace gpuaas::pki
