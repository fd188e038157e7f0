#include "shared/pki/key_pair.hpp"

#include "shared/pki/key_policy.hpp"
#include "shared/pki/pem_io.hpp"

namespace gpuaas::pki {

Result<KeyPair> GenerateKeyPair() {
  GPUAAS_ASSIGN_OR_RETURN(const auto key, internal::GenerateNodeKey());
  KeyPair pair;
  GPUAAS_ASSIGN_OR_RETURN(pair.private_key_pem, internal::WritePrivateKeyPem(*key));
  GPUAAS_ASSIGN_OR_RETURN(pair.public_key_pem, internal::WritePublicKeyPem(*key));
  return pair;
}

Result<std::string> PublicKeyFingerprint(std::string_view public_key_pem) {
  GPUAAS_ASSIGN_OR_RETURN(const auto key, internal::ReadPublicKey(public_key_pem, "public_key_pem"));
  return internal::PublicKeyFingerprintOf(*key);
}

}  // namespace gpuaas::pki
