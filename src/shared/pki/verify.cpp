#include "shared/pki/verify.hpp"

#include <chrono>
#include <ctime>

#include "shared/pki/asn1_time.hpp"
#include "shared/pki/certificate_fields.hpp"
#include "shared/pki/node_identity.hpp"
#include "shared/pki/pem_io.hpp"
#include "shared/pki/x509_name.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::pki {
namespace {

using internal::OpensslFailure;

Error Refused(std::string_view reason, std::string message) {
  internal::ClearOpensslErrors();
  return Error::Unauthenticated(std::move(message)).WithDetail("reason", std::string(reason));
}

// The node ID of the single gpuaas://node/ URI in subjectAltName.
Result<std::string> NodeIdFromSan(const X509& leaf) {
  const internal::GeneralNamesPtr names(
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(&leaf, NID_subject_alt_name, nullptr, nullptr)));
  std::string node_id;
  int found = 0;
  for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
    if (name->type != GEN_URI) continue;
    const std::string_view uri(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.uniformResourceIdentifier)),
                               static_cast<std::size_t>(ASN1_STRING_length(name->d.uniformResourceIdentifier)));
    if (!uri.starts_with(kNodeUriPrefix)) continue;
    node_id = uri.substr(kNodeUriPrefix.size());
    ++found;
  }
  if (found != 1 || !ValidateNodeId(node_id).ok()) {
    return Refused(kReasonNotANodeCertificate,
                   "certificate has no single valid " + std::string(kNodeUriPrefix) + " URI in its subjectAltName");
  }
  return node_id;
}

Status CheckValidity(const VerifiedNode& node, Timestamp now) {
  if (now < node.not_before) {
    return Refused(kReasonNotYetValid, "certificate is not valid until " + FormatRfc3339(node.not_before) + " (now " +
                                           FormatRfc3339(now) + "); check the clocks");
  }
  // The last second is already expired: OpenSSL's path validation (CheckChain) counts it so too.
  if (now >= node.not_after) {
    return Refused(kReasonExpired,
                   "certificate expired at " + FormatRfc3339(node.not_after) + " (now " + FormatRfc3339(now) + ")");
  }
  return Ok();
}

// OpenSSL's own path validation, after the checks above have given the common failures clear
// messages: it still catches what they do not look at (unknown critical extensions, CA key usage,
// an expired CA, strict-mode encoding rules).
Status CheckChain(X509& ca, X509& leaf, Timestamp now) {
  const internal::X509StorePtr store(X509_STORE_new());
  const internal::X509StoreCtxPtr context(X509_STORE_CTX_new());
  if (!store || !context) return OpensslFailure("X509_STORE_new");
  if (X509_STORE_add_cert(store.get(), &ca) != 1) return OpensslFailure("X509_STORE_add_cert");
  if (X509_STORE_CTX_init(context.get(), store.get(), &leaf, nullptr) != 1) {
    return OpensslFailure("X509_STORE_CTX_init");
  }
  X509_VERIFY_PARAM* params = X509_STORE_CTX_get0_param(context.get());
  X509_VERIFY_PARAM_set_time(
      params, static_cast<std::time_t>(std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count()));
  X509_VERIFY_PARAM_set_flags(params, X509_V_FLAG_X509_STRICT);
  if (X509_STORE_CTX_set_purpose(context.get(), X509_PURPOSE_SSL_CLIENT) != 1) {
    return OpensslFailure("X509_STORE_CTX_set_purpose");
  }
  if (X509_verify_cert(context.get()) != 1) {
    const int error = X509_STORE_CTX_get_error(context.get());
    return Refused(kReasonChainInvalid, std::string("certificate chain does not verify: ") +
                                            X509_verify_cert_error_string(error) + " at depth " +
                                            std::to_string(X509_STORE_CTX_get_error_depth(context.get())));
  }
  return Ok();
}

}  // namespace

Result<VerifiedNode> VerifyNodeCertificate(std::string_view ca_cert_pem, std::string_view leaf_pem, Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto ca, internal::ReadCertificate(ca_cert_pem, "ca_cert_pem"));
  GPUAAS_ASSIGN_OR_RETURN(const auto leaf, internal::ReadCertificate(leaf_pem, "cert_pem"));

  // Issuer name and key identifier first, then the signature itself, with the CA's key.
  EVP_PKEY* ca_key = X509_get0_pubkey(ca.get());
  if (X509_check_issued(ca.get(), leaf.get()) != X509_V_OK || ca_key == nullptr ||
      X509_verify(leaf.get(), ca_key) != 1) {
    return Refused(kReasonUnknownIssuer, "certificate is not signed by this CA");
  }

  VerifiedNode node;
  GPUAAS_ASSIGN_OR_RETURN(node.not_before, internal::FromAsn1Time(*X509_get0_notBefore(leaf.get())));
  GPUAAS_ASSIGN_OR_RETURN(node.not_after, internal::FromAsn1Time(*X509_get0_notAfter(leaf.get())));
  GPUAAS_RETURN_IF_ERROR(CheckValidity(node, now));

  const std::uint32_t flags = X509_get_extension_flags(leaf.get());
  if ((flags & EXFLAG_CA) != 0) {
    return Refused(kReasonNotANodeCertificate, "certificate is a CA certificate, not a node certificate");
  }
  if ((flags & EXFLAG_XKUSAGE) == 0 || (X509_get_extended_key_usage(leaf.get()) & XKU_SSL_CLIENT) == 0) {
    return Refused(kReasonNotANodeCertificate, "certificate is not issued for client authentication");
  }
  GPUAAS_ASSIGN_OR_RETURN(node.node_id, NodeIdFromSan(*leaf));
  GPUAAS_ASSIGN_OR_RETURN(const auto common_name,
                          internal::CommonNameOf(X509_get_subject_name(leaf.get()), "cert_pem"));
  if (common_name != node.node_id) {
    return Refused(kReasonNotANodeCertificate, "certificate CN \"" + common_name + "\" does not match its node URI");
  }
  GPUAAS_RETURN_IF_ERROR(CheckChain(*ca, *leaf, now));

  GPUAAS_ASSIGN_OR_RETURN(node.serial, internal::SerialHex(*leaf));
  EVP_PKEY* leaf_key = X509_get0_pubkey(leaf.get());
  if (leaf_key == nullptr) return OpensslFailure("X509_get0_pubkey");
  GPUAAS_ASSIGN_OR_RETURN(node.public_key_fingerprint, internal::PublicKeyFingerprintOf(*leaf_key));
  return node;
}

}  // namespace gpuaas::pki
