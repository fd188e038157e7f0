// AgentSessionService's hellos: authenticating a socket and marking its node connected.
#include <optional>

#include "repositories/fleet/node_certificate_repository.hpp"
#include "repositories/fleet/node_repository.hpp"
#include "services/fleet/agent_session_service.hpp"
#include "services/fleet/node_events.hpp"
#include "services/fleet/node_inventory.hpp"
#include "services/fleet/node_state.hpp"
#include "shared/build_info.hpp"
#include "shared/pki/challenge.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::services {

using repositories::NodeCertificateRepository;
using repositories::NodeRepository;

namespace {

Error Refused(std::string_view reason, std::string message) {
  return Error::Unauthenticated(std::move(message)).WithDetail("reason", std::string(reason));
}

Result<pki::VerifiedNode> VerifyHello(const std::string& ca_cert_pem, const HelloRequest& request, Timestamp now) {
  const auto& hello = request.hello;
  GPUAAS_ASSIGN_OR_RETURN(auto verified, pki::VerifyNodeCertificate(ca_cert_pem, hello.certificate_pem, now));
  if (verified.node_id != hello.node_id) return Refused("node_mismatch", "the certificate names another node");
  GPUAAS_RETURN_IF_ERROR(pki::VerifyChallenge(hello.certificate_pem, request.nonce, hello.signature));
  return verified;
}

}  // namespace

std::vector<Result<AgentConnected>> AgentSessionService::Hellos(const std::vector<HelloRequest>& requests) {
  const auto now = context_.clock.Now();
  std::vector<Result<AgentConnected>> results;
  std::vector<std::optional<pki::VerifiedNode>> verified(requests.size());
  results.reserve(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto checked = VerifyHello(ca_.cert_pem(), requests[i], now);
    if (checked) {
      verified[i] = std::move(checked).value();
      results.emplace_back(Error::Internal("hello not recorded"));  // replaced in the transaction below
    } else {
      results.emplace_back(checked.TakeError());
    }
  }
  const bool any = std::any_of(verified.begin(), verified.end(), [](const auto& v) { return v.has_value(); });
  if (any) {
    auto written = context_.database.Write([&](store::Session& session) -> Status {
      for (std::size_t i = 0; i < requests.size(); ++i) {
        if (!verified[i]) continue;
        GPUAAS_ASSIGN_OR_RETURN(results[i], ApplyHello(session, requests[i].hello, *verified[i], now));
      }
      return Ok();
    });
    if (!written) {
      for (std::size_t i = 0; i < requests.size(); ++i) {
        if (verified[i]) results[i] = written.error();
      }
    }
  }
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (!results[i] && results[i].error().is_denial()) AuditRefusal(requests[i], results[i].error());
  }
  return results;
}

Result<Result<AgentConnected>> AgentSessionService::ApplyHello(store::Session& session,
                                                               const wire::fleet::HelloFrame& hello,
                                                               const pki::VerifiedNode& verified, Timestamp now) {
  using Answer = Result<AgentConnected>;
  GPUAAS_ASSIGN_OR_RETURN(const auto certificate, NodeCertificateRepository::Find(session, verified.serial));
  if (!certificate || certificate->node_id != verified.node_id) {
    return Answer(Refused("unknown_certificate", "this certificate was not issued to this node"));
  }
  if (certificate->revoked_at) {
    return Answer(Refused("revoked", "this certificate was revoked (" + certificate->revoke_reason.value_or("revoked") +
                                         "); re-enroll the node"));
  }
  GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, verified.node_id));
  if (!node) return Answer(Refused("removed", "this node was removed from the fleet"));
  if (node->state == "retired") return Answer(Error::PermissionDenied("node " + node->name + " is retired"));

  AgentConnected connected;
  // Stored as RFC 3339 with milliseconds: the disconnect compares against what was stored.
  connected.connected_since = std::chrono::floor<std::chrono::milliseconds>(now);
  const auto was = node->state;
  const auto scheduling = ParseScheduling(node->scheduling).value_or(Scheduling::kCordoned);
  node->state = std::string(NodeStateName(DeriveNodeState(scheduling, {false, true, true})));
  node->connected = true;
  node->connected_since = connected.connected_since;
  node->connection_owner = replica_;
  node->last_heartbeat_us = MicrosSinceEpoch(now);
  ApplyInventory(*node, hello.inventory, now);
  node->agent_version = hello.agent_version;
  node->cert_serial = verified.serial;
  node->cert_fingerprint = verified.public_key_fingerprint;
  node->cert_not_before = verified.not_before;
  node->cert_not_after = verified.not_after;
  if (hello.posture.last_renewal_at) {
    if (auto at = ParseRfc3339(*hello.posture.last_renewal_at); at) node->last_renewal_at = *at;
  }
  node->last_renewal_error = hello.posture.last_renewal_error;
  node->updated_at = now;
  GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
  if (!saved) return Answer(Error::Unavailable("the node changed meanwhile; reconnect"));
  const std::string title = was == "enrolling" ? "First connection: " + node->state
                            : was == "offline" ? "Back online: agent reconnected"
                                               : "Agent connected (" + hello.agent_version + ")";
  GPUAAS_RETURN_IF_ERROR(EmitNodeEvent(session, context_, *node, "node.connected", title));
  connected.welcome = {node->id, node->state, settings_.heartbeat_interval.count(),
                       settings_.desired_agent_version.value_or(std::string(GetBuildInfo().version))};
  return Answer(std::move(connected));
}

void AgentSessionService::AuditRefusal(const HelloRequest& request, const Error& error) {
  (void)context_.audit.AppendNow(
      AgentCaller(request.hello.node_id, request.client_ip),
      {"node.connect", "node", request.hello.node_id, {}, {}, "denied", {{"reason", error.message()}}});
}

}  // namespace gpuaas::services
