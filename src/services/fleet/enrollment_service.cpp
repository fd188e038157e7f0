#include "services/fleet/enrollment_service.hpp"

#include "repositories/fleet/bootstrap_token_repository.hpp"
#include "repositories/fleet/node_certificate_repository.hpp"
#include "repositories/fleet/node_repository.hpp"
#include "services/fleet/bootstrap_token_service.hpp"
#include "services/fleet/node_events.hpp"
#include "services/fleet/node_inventory.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/rfc3339.hpp"
#include "shared/secret.hpp"
#include "wire/fleet/bootstrap_token.hpp"

namespace gpuaas::services {

using repositories::BootstrapTokenRepository;
using repositories::NodeCertificateRepository;
using repositories::NodeRepository;

namespace {

// Refusals of a token say why (the agent prints it), with a stable reason for scripts.
Error TokenRefused(std::string_view reason, std::string message) {
  return Error::Unauthenticated(std::move(message)).WithDetail("reason", std::string(reason));
}

}  // namespace

Result<wire::fleet::EnrollResponse> EnrollmentService::Enroll(const wire::fleet::EnrollRequest& request,
                                                              const std::string& client_ip) {
  auto agent = AgentCaller("unenrolled", client_ip);
  const auto refuse = [&](Error error, const std::string& target) -> Error {
    // Denials are evidence too: a stream of bad tokens is what an operator wants to see.
    (void)context_.audit.AppendNow(agent, {"node.enroll",
                                           "bootstrap_token",
                                           target,
                                           {},
                                           {},
                                           error.code() == ErrorCode::kInternal ? "failed" : "denied",
                                           {{"hostname", request.inventory.hostname}, {"reason", error.message()}}});
    return error;
  };
  auto token = wire::fleet::DecodeBootstrapToken(request.token);
  if (!token) return refuse(token.TakeError(), "");
  if (token->ca_fingerprint != ca_.fingerprint()) {
    return refuse(TokenRefused("other_platform", "this bootstrap token was issued by another GPUaaS installation"), "");
  }
  auto csr = pki::ParseCsr(request.csr_pem);
  if (!csr) return refuse(csr.TakeError(), "");
  auto key_fingerprint = pki::PublicKeyFingerprint(csr->public_key_pem);
  if (!key_fingerprint) return refuse(key_fingerprint.TakeError(), "");
  const auto secret_hash = Sha256Hex(token->secret);
  wire::fleet::EnrollResponse response;
  const auto written = context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(response, EnrollInTransaction(session, request, secret_hash, *key_fingerprint, agent));
    return Ok();
  });
  if (!written) {
    std::string target;
    (void)context_.database.Read([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(const auto found, BootstrapTokenRepository::FindBySecretHash(session, secret_hash));
      if (found) target = found->id;
      return Ok();
    });
    auto error = written.error();
    return refuse(std::move(error), target);
  }
  return response;
}

Result<wire::fleet::EnrollResponse> EnrollmentService::EnrollInTransaction(store::Session& session,
                                                                           const wire::fleet::EnrollRequest& request,
                                                                           const std::string& secret_hash,
                                                                           const std::string& key_fingerprint,
                                                                           const Caller& agent) {
  const auto now = context_.clock.Now();
  GPUAAS_ASSIGN_OR_RETURN(const auto token, BootstrapTokenRepository::FindBySecretHash(session, secret_hash));
  if (!token) return TokenRefused("unknown", "this bootstrap token is not known to the server");
  const auto state = BootstrapTokenState(*token, now);
  if (state == "used") return TokenRefused("used", "this bootstrap token was already used; create a new one");
  if (state == "revoked") return TokenRefused("revoked", "this bootstrap token was revoked");
  if (state == "expired") return TokenRefused("expired", "this bootstrap token expired; create a new one");

  repositories::NodeRecord node;
  bool reenroll = false;
  if (token->node_id) {
    GPUAAS_ASSIGN_OR_RETURN(auto existing, NodeRepository::Find(session, *token->node_id));
    if (!existing || existing->state == "retired") {
      return Error::FailedPrecondition("the node this token re-enrolls no longer exists or is retired");
    }
    node = std::move(*existing);
    reenroll = true;
  } else {
    node.id = context_.ids.Next("node");
    node.name = NodeNameFromHostname(request.inventory.hostname);
    // Two hosts with one hostname: the second gets the end of its ID, which is random.
    GPUAAS_ASSIGN_OR_RETURN(const auto clash, NodeRepository::FindByName(session, node.name));
    if (clash) node.name += "-" + node.id.substr(node.id.size() - 6);
    node.site_id = token->site_id;
    node.profile = token->profile;
    node.state = "enrolling";
    node.scheduling = "schedulable";
    node.enrolled_at = now;
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto issued, ca_.Sign(request.csr_pem, node.id, settings_.certificate_lifetime));
  ApplyInventory(node, request.inventory, now);
  node.cert_serial = issued.serial;
  node.cert_fingerprint = key_fingerprint;
  node.cert_not_before = issued.not_before;
  node.cert_not_after = issued.not_after;
  node.last_renewal_error.reset();
  node.updated_at = now;
  if (reenroll) {
    // The old key stops working at once: re-enrollment is how a lost or stolen key is replaced.
    GPUAAS_RETURN_IF_ERROR(NodeCertificateRepository::RevokeAllOf(session, node.id, "reenrolled", now));
    GPUAAS_ASSIGN_OR_RETURN(const bool updated, NodeRepository::Update(session, node));
    if (!updated) return Error::Unavailable("the node changed during re-enrollment; try again");
  } else {
    GPUAAS_RETURN_IF_ERROR(NodeRepository::Insert(session, node));
  }
  GPUAAS_RETURN_IF_ERROR(NodeCertificateRepository::Insert(
      session, {issued.serial, node.id, key_fingerprint, issued.not_before, issued.not_after, now, {}, {}}));
  GPUAAS_ASSIGN_OR_RETURN(const bool used, BootstrapTokenRepository::MarkUsed(session, token->id, node.id, now));
  if (!used) return TokenRefused("used", "this bootstrap token was already used; create a new one");
  auto audited = agent;
  audited.principal.id = node.id;
  audited.principal.label = "agent:" + node.id;
  GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, audited,
                                               {reenroll ? "node.reenroll" : "node.enroll",
                                                "node",
                                                node.id,
                                                {},
                                                {},
                                                "allowed",
                                                {{"bootstrap_token", token->id},
                                                 {"hostname", node.hostname},
                                                 {"certificate_serial", issued.serial},
                                                 {"simulated", node.simulated ? "true" : "false"}}}));
  GPUAAS_RETURN_IF_ERROR(EmitNodeEvent(
      session, context_, node, reenroll ? "node.reenrolled" : "node.enrolled",
      (reenroll ? "Re-enrolled from " : "Enrolled from ") + node.hostname + " with bootstrap token " + token->id));
  wire::fleet::EnrollResponse response;
  response.node_id = node.id;
  response.node_name = node.name;
  response.certificate_pem = issued.cert_pem;
  response.ca_certificate_pem = ca_.cert_pem();
  response.not_after = FormatRfc3339(issued.not_after);
  response.heartbeat_interval_seconds = settings_.heartbeat_interval.count();
  return response;
}

}  // namespace gpuaas::services
