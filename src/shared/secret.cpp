#include "shared/secret.hpp"

#include <sodium.h>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <stdexcept>
#include <vector>

namespace gpuaas {
namespace {

void EnsureSodium() {
  // sodium_init() is idempotent and thread-safe; it fails only when no entropy source exists.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string GenerateSecret(std::string_view prefix, std::size_t random_bytes) {
  EnsureSodium();
  std::vector<unsigned char> raw(random_bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  sodium_memzero(raw.data(), raw.size());
  return std::string(prefix) + encoded;
}

std::string Sha256(std::string_view data) {
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

std::string Sha256Hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto digest = Sha256(data);
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (const unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0xF]);
  }
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

std::string EncodeVariant(std::string_view bytes, int variant) {
  std::string encoded(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    variant);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return encoded;
}

bool DecodeVariant(std::string_view text, std::string& out, int variant) {
  out.clear();
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  // libsodium refuses non-zero leftover bits, so each input has exactly one accepted encoding.
  std::string decoded(text.size() * 3 / 4 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), text.data(), text.size(),
                        nullptr, &length, nullptr, variant) != 0) {
    return false;
  }
  decoded.resize(length);
  out = std::move(decoded);
  return true;
}

}  // namespace

std::string Base64Encode(std::string_view bytes, bool pad) {
  return EncodeVariant(bytes, pad ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

bool Base64Decode(std::string_view text, std::string& out) {
  return DecodeVariant(text, out, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

std::string Base64UrlEncode(std::string_view bytes) {
  return EncodeVariant(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  std::string out;
  if (!DecodeVariant(text, out, sodium_base64_VARIANT_URLSAFE_NO_PADDING)) return std::nullopt;
  return out;
}

}  // namespace gpuaas
