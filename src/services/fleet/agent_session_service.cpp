#include "services/fleet/agent_session_service.hpp"

#include <boost/json.hpp>

#include "repositories/fleet/node_certificate_repository.hpp"
#include "repositories/fleet/node_repository.hpp"
#include "services/fleet/node_events.hpp"
#include "services/fleet/node_inventory.hpp"
#include "services/fleet/node_state.hpp"
#include "shared/build_info.hpp"
#include "shared/pki/challenge.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/pki/verify.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::services {

using repositories::NodeCertificateRepository;
using repositories::NodeRepository;

namespace {

constexpr std::int64_t kDeliveryBatch = 500;

}  // namespace

Status AgentSessionService::Disconnected(const std::string& node_id, Timestamp connected_since) {
  return Disconnects({AgentDisconnect{node_id, connected_since}});
}

Status AgentSessionService::Disconnects(const std::vector<AgentDisconnect>& disconnects) {
  const auto now = context_.clock.Now();
  return context_.database.Write([&](store::Session& session) -> Status {
    for (const auto& closed : disconnects) {
      GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, closed.node_id));
      // A newer connection (here or on another replica) already took over: leave it alone.
      if (!node || node->connection_owner != replica_ || node->connected_since != closed.connected_since) continue;
      node->connected = false;
      node->connection_owner.reset();
      node->updated_at = now;
      GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
      if (!saved) continue;
      GPUAAS_RETURN_IF_ERROR(EmitNodeEvent(session, context_, *node, "node.connection_lost", "Agent connection lost"));
    }
    return Ok();
  });
}

Result<wire::fleet::CertificateFrame> AgentSessionService::Renew(const std::string& node_id,
                                                                 const wire::fleet::RenewFrame& renew) {
  auto csr = pki::ParseCsr(renew.csr_pem);
  if (!csr) {
    (void)RecordRenewalFailure(node_id, csr.error().message());
    return csr.TakeError();
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto key_fingerprint, pki::PublicKeyFingerprint(csr->public_key_pem));
  auto issued = ca_.Sign(renew.csr_pem, node_id, settings_.certificate_lifetime);
  if (!issued) {
    (void)RecordRenewalFailure(node_id, issued.error().message());
    return issued.TakeError();
  }
  const auto now = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, node_id));
    if (!node || node->state == "retired") return Error::PermissionDenied("this node is retired or removed");
    GPUAAS_RETURN_IF_ERROR(NodeCertificateRepository::Insert(
        session, {issued->serial, node_id, key_fingerprint, issued->not_before, issued->not_after, now, {}, {}}));
    node->cert_serial = issued->serial;
    node->cert_fingerprint = key_fingerprint;
    node->cert_not_before = issued->not_before;
    node->cert_not_after = issued->not_after;
    node->last_renewal_at = now;
    node->last_renewal_error.reset();
    node->updated_at = now;
    GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
    if (!saved) return Error::Unavailable("the node changed meanwhile; renew again");
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, AgentCaller(node_id),
        {"node.certificate_renew", "node", node_id, {}, {}, "allowed", {{"certificate_serial", issued->serial}}}));
    return EmitNodeEvent(session, context_, *node, "node.certificate_renewed",
                         "Certificate renewed until " + FormatRfc3339(issued->not_after));
  }));
  return wire::fleet::CertificateFrame{issued->cert_pem, FormatRfc3339(issued->not_after)};
}

Status AgentSessionService::RecordRenewalFailure(const std::string& node_id, const std::string& message) {
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, node_id));
    if (!node) return Ok();
    node->last_renewal_error = message;
    node->updated_at = context_.clock.Now();
    GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
    if (!saved) return Ok();
    return EmitNodeEvent(session, context_, *node, "node.certificate_renewal_failed",
                         "Certificate renewal failed: " + message);
  });
}

Status AgentSessionService::TaskUpdate(const std::string& node_id, const wire::fleet::TaskUpdateFrame& update) {
  const auto now = context_.clock.Now();
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto task, repositories::NodeTaskRepository::Find(session, update.task_id));
    if (!task || task->node_id != node_id) return Error::InvalidArgument("task_id", "is not a task of this node");
    GPUAAS_ASSIGN_OR_RETURN(const bool advanced, repositories::NodeTaskRepository::Advance(
                                                     session, update.task_id, update.state,
                                                     boost::json::serialize(update.result), update.error, now));
    if (!advanced || update.state != "succeeded" || task->kind != wire::fleet::kTaskRefreshInventory) return Ok();
    const auto* inventory_json = update.result.if_contains("inventory");
    if (inventory_json == nullptr) return Ok();
    auto inventory = wire::fleet::HostInventoryFromJson(*inventory_json);
    if (!inventory) return Ok();  // the task's result keeps what the agent said; the node keeps its last good one
    GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, node_id));
    if (!node) return Ok();
    ApplyInventory(*node, *inventory, now);
    node->updated_at = now;
    GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
    if (!saved) return Error::Unavailable("the node changed meanwhile");
    return Ok();
  });
}

Result<std::vector<repositories::NodeTaskRecord>> AgentSessionService::TakeQueuedTasks(
    const std::function<bool(std::string_view node_id)>& holds) {
  std::vector<repositories::NodeTaskRecord> mine;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto queued, repositories::NodeTaskRepository::Queued(session, kDeliveryBatch));
    for (const auto& task : queued) {
      if (holds(task.node_id)) mine.push_back(task);
    }
    return Ok();
  }));
  std::vector<repositories::NodeTaskRecord> taken;
  if (mine.empty()) return taken;
  const auto now = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    for (const auto& task : mine) {
      // Another replica (or an expiry) may have moved it since the read: then it is not ours to send.
      GPUAAS_ASSIGN_OR_RETURN(const bool sent, repositories::NodeTaskRepository::MarkSent(session, task.id, now));
      if (sent) taken.push_back(task);
    }
    return Ok();
  }));
  return taken;
}

Result<std::vector<std::string>> AgentSessionService::RetiredHeld() {
  std::vector<std::string> ids;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(ids, NodeRepository::RetiredHeldBy(session, replica_));
    return Ok();
  }));
  return ids;
}

}  // namespace gpuaas::services
