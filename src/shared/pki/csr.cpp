#include "shared/pki/csr.hpp"

#include "shared/pki/key_policy.hpp"
#include "shared/pki/pem_io.hpp"
#include "shared/pki/x509_name.hpp"

namespace gpuaas::pki {

using internal::OpensslFailure;
using internal::PemError;

Result<std::string> MakeCsr(std::string_view private_key_pem, std::string_view common_name) {
  GPUAAS_ASSIGN_OR_RETURN(const auto key, internal::ReadPrivateKey(private_key_pem, "private_key_pem"));
  GPUAAS_RETURN_IF_ERROR(internal::CheckNodeKey(*key, "private_key_pem"));
  GPUAAS_ASSIGN_OR_RETURN(auto name, internal::CommonNameOnly(common_name, "common_name"));

  const internal::X509ReqPtr csr(X509_REQ_new());
  if (!csr) return OpensslFailure("X509_REQ_new");
  if (X509_REQ_set_version(csr.get(), X509_REQ_VERSION_1) != 1) return OpensslFailure("X509_REQ_set_version");
  if (X509_REQ_set_subject_name(csr.get(), name.get()) != 1) return OpensslFailure("X509_REQ_set_subject_name");
  if (X509_REQ_set_pubkey(csr.get(), key.get()) != 1) return OpensslFailure("X509_REQ_set_pubkey");
  if (X509_REQ_sign(csr.get(), key.get(), EVP_sha256()) <= 0) return OpensslFailure("X509_REQ_sign");
  return internal::WriteCsrPem(*csr);
}

Result<ParsedCsr> ParseCsr(std::string_view csr_pem) {
  constexpr std::string_view kField = "csr_pem";
  GPUAAS_ASSIGN_OR_RETURN(const auto csr, internal::ReadCsr(csr_pem, kField));
  EVP_PKEY* key = X509_REQ_get0_pubkey(csr.get());  // owned by the request
  if (key == nullptr) return PemError(kField, "CSR carries no usable public key");
  GPUAAS_RETURN_IF_ERROR(internal::CheckNodeKey(*key, kField));
  // Proof of possession: only the holder of the private key can produce this signature.
  if (X509_REQ_verify(csr.get(), key) != 1) return PemError(kField, "CSR signature does not verify");

  ParsedCsr parsed;
  GPUAAS_ASSIGN_OR_RETURN(parsed.common_name, internal::CommonNameOf(X509_REQ_get_subject_name(csr.get()), kField));
  GPUAAS_ASSIGN_OR_RETURN(parsed.public_key_pem, internal::WritePublicKeyPem(*key));
  return parsed;
}

}  // namespace gpuaas::pki
