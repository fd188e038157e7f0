#include "shared/pki/certificate_authority.hpp"

#include <algorithm>

#include "shared/pki/asn1_time.hpp"
#include "shared/pki/certificate_fields.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_policy.hpp"
#include "shared/pki/node_identity.hpp"
#include "shared/pki/pem_io.hpp"
#include "shared/pki/x509_name.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::pki {
namespace {

using internal::OpensslFailure;

constexpr int kMaxCaLifetimeDays = 36500;

// A v3 certificate with serial, names, key and validity set; extensions and signature to follow.
Result<internal::X509Ptr> NewCertificate(const X509_NAME& subject, const X509_NAME& issuer, EVP_PKEY& key,
                                         Timestamp not_before, Timestamp not_after) {
  internal::X509Ptr certificate(X509_new());
  if (!certificate) return OpensslFailure("X509_new");
  if (X509_set_version(certificate.get(), X509_VERSION_3) != 1) return OpensslFailure("X509_set_version");
  GPUAAS_RETURN_IF_ERROR(internal::SetRandomSerial(*certificate));
  if (X509_set_subject_name(certificate.get(), &subject) != 1) return OpensslFailure("X509_set_subject_name");
  if (X509_set_issuer_name(certificate.get(), &issuer) != 1) return OpensslFailure("X509_set_issuer_name");
  if (X509_set_pubkey(certificate.get(), &key) != 1) return OpensslFailure("X509_set_pubkey");
  GPUAAS_RETURN_IF_ERROR(internal::SetValidity(*certificate, not_before, not_after));
  return certificate;
}

Status Sign(X509& certificate, EVP_PKEY& key) {
  if (X509_sign(&certificate, &key, EVP_sha256()) <= 0) return OpensslFailure("X509_sign");
  return Ok();
}

// The CA as loaded for signing, with the checks that catch a mixed-up or stale configuration.
struct LoadedCa {
  internal::X509Ptr certificate;
  internal::PkeyPtr key;
  Timestamp not_after;
};

Result<LoadedCa> LoadCa(const CaMaterial& ca, Timestamp not_before) {
  LoadedCa loaded;
  GPUAAS_ASSIGN_OR_RETURN(loaded.certificate, internal::ReadCertificate(ca.cert_pem, "ca.cert_pem"));
  GPUAAS_ASSIGN_OR_RETURN(loaded.key, internal::ReadPrivateKey(ca.private_key_pem, "ca.private_key_pem"));
  if (X509_check_private_key(loaded.certificate.get(), loaded.key.get()) != 1) {
    internal::ClearOpensslErrors();
    return Error::FailedPrecondition("CA private key does not match the CA certificate");
  }
  if (X509_check_ca(loaded.certificate.get()) == 0) {
    return Error::FailedPrecondition("CA certificate is not a certificate authority");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto ca_not_before,
                          internal::FromAsn1Time(*X509_get0_notBefore(loaded.certificate.get())));
  GPUAAS_ASSIGN_OR_RETURN(loaded.not_after, internal::FromAsn1Time(*X509_get0_notAfter(loaded.certificate.get())));
  if (not_before < ca_not_before || not_before >= loaded.not_after) {
    return Error::FailedPrecondition("CA certificate is valid from " + FormatRfc3339(ca_not_before) + " to " +
                                     FormatRfc3339(loaded.not_after) + ", not at " + FormatRfc3339(not_before));
  }
  return loaded;
}

}  // namespace

Result<CaMaterial> CreateCa(std::string_view common_name, int lifetime_days, Timestamp now) {
  if (lifetime_days < 1 || lifetime_days > kMaxCaLifetimeDays) {
    return Error::InvalidArgument("lifetime_days", "must be 1 to " + std::to_string(kMaxCaLifetimeDays));
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto name, internal::CommonNameOnly(common_name, "common_name"));
  GPUAAS_ASSIGN_OR_RETURN(const auto key, internal::GenerateNodeKey());
  const Timestamp not_before = now - kClockSkewAllowance;
  const Timestamp not_after = now + std::chrono::hours(24) * lifetime_days;
  GPUAAS_ASSIGN_OR_RETURN(const auto certificate, NewCertificate(*name, *name, *key, not_before, not_after));
  // Subject key identifier first: the authority key identifier of every leaf copies it.
  GPUAAS_RETURN_IF_ERROR(internal::AddExtension(*certificate, *certificate, NID_subject_key_identifier, "hash"));
  GPUAAS_RETURN_IF_ERROR(
      internal::AddExtension(*certificate, *certificate, NID_basic_constraints, "critical,CA:TRUE,pathlen:0"));
  GPUAAS_RETURN_IF_ERROR(
      internal::AddExtension(*certificate, *certificate, NID_key_usage, "critical,keyCertSign,cRLSign"));
  GPUAAS_RETURN_IF_ERROR(Sign(*certificate, *key));

  CaMaterial ca;
  GPUAAS_ASSIGN_OR_RETURN(ca.cert_pem, internal::WriteCertificatePem(*certificate));
  GPUAAS_ASSIGN_OR_RETURN(ca.private_key_pem, internal::WritePrivateKeyPem(*key));
  return ca;
}

Result<IssuedCertificate> SignNodeCertificate(const CaMaterial& ca, std::string_view csr_pem, std::string_view node_id,
                                              Timestamp not_before, std::chrono::seconds lifetime) {
  GPUAAS_RETURN_IF_ERROR(ValidateNodeId(node_id));
  if (lifetime <= std::chrono::seconds::zero() || lifetime > kMaxNodeCertificateLifetime) {
    return Error::InvalidArgument("lifetime", "must be more than 0 and at most " +
                                                  std::to_string(kMaxNodeCertificateLifetime.count()) + " seconds");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto request, ParseCsr(csr_pem));
  GPUAAS_ASSIGN_OR_RETURN(const auto node_key, internal::ReadPublicKey(request.public_key_pem, "csr_pem"));
  GPUAAS_ASSIGN_OR_RETURN(const auto loaded, LoadCa(ca, not_before));
  GPUAAS_ASSIGN_OR_RETURN(const auto subject, internal::CommonNameOnly(node_id, "node_id"));

  const Timestamp start = not_before - kClockSkewAllowance;
  // A leaf outliving its CA could not be verified after the CA expires; cut it short instead.
  const Timestamp end = std::min(not_before + lifetime, loaded.not_after);
  GPUAAS_ASSIGN_OR_RETURN(
      const auto certificate,
      NewCertificate(*subject, *X509_get_subject_name(loaded.certificate.get()), *node_key, start, end));
  X509& ca_certificate = *loaded.certificate;
  GPUAAS_RETURN_IF_ERROR(
      internal::AddExtension(*certificate, ca_certificate, NID_basic_constraints, "critical,CA:FALSE"));
  GPUAAS_RETURN_IF_ERROR(
      internal::AddExtension(*certificate, ca_certificate, NID_key_usage, "critical,digitalSignature"));
  GPUAAS_RETURN_IF_ERROR(internal::AddExtension(*certificate, ca_certificate, NID_ext_key_usage, "clientAuth"));
  GPUAAS_RETURN_IF_ERROR(internal::AddExtension(*certificate, ca_certificate, NID_subject_key_identifier, "hash"));
  GPUAAS_RETURN_IF_ERROR(
      internal::AddExtension(*certificate, ca_certificate, NID_authority_key_identifier, "keyid:always"));
  GPUAAS_RETURN_IF_ERROR(internal::AddUriSubjectAltName(*certificate, NodeUri(node_id)));
  GPUAAS_RETURN_IF_ERROR(Sign(*certificate, *loaded.key));

  IssuedCertificate issued;
  GPUAAS_ASSIGN_OR_RETURN(issued.cert_pem, internal::WriteCertificatePem(*certificate));
  GPUAAS_ASSIGN_OR_RETURN(issued.serial, internal::SerialHex(*certificate));
  // Read back rather than recomputed, so the caller stores exactly what the certificate says.
  GPUAAS_ASSIGN_OR_RETURN(issued.not_before, internal::FromAsn1Time(*X509_get0_notBefore(certificate.get())));
  GPUAAS_ASSIGN_OR_RETURN(issued.not_after, internal::FromAsn1Time(*X509_get0_notAfter(certificate.get())));
  return issued;
}

Result<std::string> CertificateFingerprint(std::string_view cert_pem) {
  GPUAAS_ASSIGN_OR_RETURN(const auto certificate, internal::ReadCertificate(cert_pem, "cert_pem"));
  return internal::CertificateFingerprintOf(*certificate);
}

}  // namespace gpuaas::pki
