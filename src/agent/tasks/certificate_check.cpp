#include "agent/tasks/certificate_check.hpp"

namespace gpuaas::agent::tasks {

Result<pki::VerifiedNode> CheckOwnCertificate(const state::StateStore& store, Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto identity, store.LoadIdentity());
  return pki::VerifyNodeCertificate(identity.ca_certificate_pem, identity.certificate_pem, now);
}

}  // namespace gpuaas::agent::tasks
