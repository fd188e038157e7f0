#include "agent/enroll/enrollment_check.hpp"

#include "shared/pki/certificate_authority.hpp"
#include "shared/pki/key_pair.hpp"

namespace gpuaas::agent::enroll {

Result<pki::VerifiedNode> CheckEnrollmentResponse(std::string_view pinned_ca_fingerprint,
                                                  const wire::fleet::EnrollResponse& response,
                                                  std::string_view public_key_pem, Timestamp now) {
  const auto ca_fingerprint = pki::CertificateFingerprint(response.ca_certificate_pem);
  if (!ca_fingerprint || *ca_fingerprint != pinned_ca_fingerprint) {
    return Error::Unauthenticated("the server's CA does not match the token: possible man in the middle");
  }
  auto node = pki::VerifyNodeCertificate(response.ca_certificate_pem, response.certificate_pem, now);
  if (!node) {
    return Error::Unauthenticated("the server's certificate for this node does not verify: " + node.error().message());
  }
  if (node->node_id != response.node_id) {
    return Error::Unauthenticated("the certificate names node " + node->node_id + " but the server said " +
                                  response.node_id);
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto key_fingerprint, pki::PublicKeyFingerprint(public_key_pem));
  if (node->public_key_fingerprint != key_fingerprint) {
    return Error::Unauthenticated("the certificate is not for the key this agent generated");
  }
  return node;
}

}  // namespace gpuaas::agent::enroll
