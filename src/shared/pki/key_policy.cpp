#include "shared/pki/key_policy.hpp"

#include <openssl/core_names.h>
#include <openssl/obj_mac.h>

#include <string>

#include "shared/pki/pem_io.hpp"

namespace gpuaas::pki::internal {

Status CheckNodeKey(EVP_PKEY& key, std::string_view field) {
  constexpr std::string_view kRule = "; node keys must be EC P-256";
  const int type = EVP_PKEY_get_base_id(&key);
  if (type == EVP_PKEY_RSA || type == EVP_PKEY_RSA_PSS) {
    return PemError(field, "key is RSA with " + std::to_string(EVP_PKEY_get_bits(&key)) + " bits" + std::string(kRule));
  }
  if (type != EVP_PKEY_EC) {
    const char* name = EVP_PKEY_get0_type_name(&key);
    return PemError(
        field, "key type " + std::string(name != nullptr ? name : "unknown") + " is not allowed" + std::string(kRule));
  }
  char group[80] = {};
  std::size_t length = 0;
  if (EVP_PKEY_get_utf8_string_param(&key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) != 1) {
    // Explicit curve parameters have no name; they are how invalid-curve attacks are delivered.
    return PemError(field, "EC key with explicit curve parameters is not allowed" + std::string(kRule));
  }
  if (std::string_view(group, length) != SN_X9_62_prime256v1) {
    return PemError(field, "key uses curve " + std::string(group, length) + std::string(kRule));
  }
  // The point must lie on the curve and in the right subgroup; a CSR is attacker-controlled input.
  const PkeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, &key, nullptr));
  if (!context) return OpensslFailure("EVP_PKEY_CTX_new_from_pkey");
  if (EVP_PKEY_public_check(context.get()) != 1) return PemError(field, "EC public key is not a valid P-256 point");
  return Ok();
}

Result<PkeyPtr> GenerateNodeKey() {
  const PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!context) return OpensslFailure("EVP_PKEY_CTX_new_from_name");
  if (EVP_PKEY_keygen_init(context.get()) != 1) return OpensslFailure("EVP_PKEY_keygen_init");
  if (EVP_PKEY_CTX_set_group_name(context.get(), SN_X9_62_prime256v1) != 1) {
    return OpensslFailure("EVP_PKEY_CTX_set_group_name");
  }
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_generate(context.get(), &key) != 1) return OpensslFailure("EVP_PKEY_generate");
  return PkeyPtr(key);
}

}  // namespace gpuaas::pki::internal
