#include "services/fleet/node_service.hpp"

#include <thread>

#include "repositories/fleet/node_certificate_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/fleet/node_events.hpp"
#include "shared/pki/renewal.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {

using repositories::NodeRepository;

namespace {

constexpr std::int64_t kMaxPage = 200;
constexpr std::int64_t kTaskListLimit = 50;

Error NodeNotFound(std::string_view id) { return Error::NotFound("node " + std::string(id) + " not found"); }

}  // namespace

std::string_view CertificateState(const repositories::NodeRecord& node, Timestamp now, bool serial_revoked) {
  if (node.state == "retired" || serial_revoked) return "revoked";
  if (!node.cert_not_after || !node.cert_not_before) return "none";
  if (now >= *node.cert_not_after) return "expired";
  if (pki::RenewalDue(*node.cert_not_before, *node.cert_not_after, now)) return "renewal_due";
  return "valid";
}

Result<NodePage> NodeService::List(const Caller& caller, repositories::NodeFilter filter) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  if (filter.state && !ParseNodeState(*filter.state)) {
    return Error::InvalidArgument("state", "must be enrolling, online, offline, cordoned, draining or retired");
  }
  if (filter.limit < 1 || filter.limit > kMaxPage) return Error::InvalidArgument("limit", "must be 1 to 200");
  const auto limit = filter.limit;
  filter.limit = limit + 1;  // one more tells whether there is a next page
  NodePage page;
  std::vector<repositories::NodeRecord> nodes;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(nodes, NodeRepository::List(session, filter));
    GPUAAS_ASSIGN_OR_RETURN(page.counts, NodeRepository::CountByState(session));
    return Ok();
  }));
  std::int64_t total = 0;
  for (const auto state : {"enrolling", "online", "offline", "cordoned", "draining", "retired"}) {
    total += page.counts[state];
  }
  page.counts["total"] = total;
  if (static_cast<std::int64_t>(nodes.size()) > limit) {
    nodes.resize(static_cast<std::size_t>(limit));
    page.next_cursor = nodes.back().name;
  }
  const auto now = context_.clock.Now();
  for (auto& node : nodes) {
    auto state = std::string(CertificateState(node, now));
    page.items.push_back({std::move(node), std::move(state), false});
  }
  return page;
}

Result<NodeView> NodeService::Get(const Caller& caller, std::string_view node_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  NodeView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(view.node, Load(session, node_id));
    if (view.node.cert_serial) {
      GPUAAS_ASSIGN_OR_RETURN(const auto certificate,
                              repositories::NodeCertificateRepository::Find(session, *view.node.cert_serial));
      view.serial_revoked = certificate && certificate->revoked_at.has_value();
    }
    return Ok();
  }));
  view.certificate_state = std::string(CertificateState(view.node, context_.clock.Now(), view.serial_revoked));
  return view;
}

Result<std::vector<repositories::NodeTaskRecord>> NodeService::Tasks(const Caller& caller, std::string_view node_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  std::vector<repositories::NodeTaskRecord> tasks;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto node, Load(session, node_id));
    (void)node;
    GPUAAS_ASSIGN_OR_RETURN(tasks, repositories::NodeTaskRepository::ListByNode(session, node_id, kTaskListLimit));
    return Ok();
  }));
  return tasks;
}

Result<repositories::NodeRecord> NodeService::Load(store::Session& session, std::string_view node_id) {
  GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, node_id));
  if (!node) return NodeNotFound(node_id);
  return std::move(*node);
}

Status NodeService::Save(store::Session& session, const repositories::NodeRecord& node) {
  GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, node));
  // A heartbeat flush or the offline detector changed the row meanwhile: the runner retries.
  if (!saved) return Error::Unavailable("node " + node.name + " changed meanwhile; retrying");
  return Ok();
}

Status NodeService::ApplyScheduling(store::Session& session, const Caller& actor, std::string_view node_id,
                                    Scheduling scheduling) {
  GPUAAS_ASSIGN_OR_RETURN(auto node, Load(session, node_id));
  if (node.state == "retired") return Error::FailedPrecondition("node " + node.name + " is retired");
  const auto wanted = std::string(SchedulingName(scheduling));
  if (node.scheduling == wanted) return Ok();  // repeated step: already there
  node.scheduling = wanted;
  const auto state = ParseNodeState(node.state).value_or(NodeState::kOffline);
  // Only a live node shows its scheduling as its state; offline and enrolling stay as they are.
  if (state == NodeState::kOnline || state == NodeState::kCordoned || state == NodeState::kDraining) {
    node.state = std::string(NodeStateName(DeriveNodeState(scheduling, {false, true, true})));
  }
  node.updated_at = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(Save(session, node));
  static const std::map<Scheduling, std::string> kTitles{{Scheduling::kSchedulable, "Scheduling resumed"},
                                                         {Scheduling::kCordoned, "Cordoned: no new workloads"},
                                                         {Scheduling::kDraining, "Draining workloads"}};
  return EmitNodeEvent(session, context_, node, "node.scheduling_changed", kTitles.at(scheduling),
                       actor.principal.label);
}

Status NodeService::ApplyRetire(store::Session& session, const Caller& actor, std::string_view node_id) {
  GPUAAS_ASSIGN_OR_RETURN(auto node, Load(session, node_id));
  if (node.state == "retired") return Ok();
  const auto now = context_.clock.Now();
  node.state = "retired";
  node.scheduling = "cordoned";
  node.retired_at = now;
  node.updated_at = now;
  GPUAAS_RETURN_IF_ERROR(Save(session, node));
  // Its certificates stop working at once; the replica holding its socket closes it.
  GPUAAS_RETURN_IF_ERROR(repositories::NodeCertificateRepository::RevokeAllOf(session, node.id, "retired", now));
  return EmitNodeEvent(session, context_, node, "node.retired", "Retired; its certificates are revoked",
                       actor.principal.label);
}

Status NodeService::ApplyRemove(store::Session& session, const Caller& actor, std::string_view node_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto node, NodeRepository::Find(session, node_id));
  if (!node) return Ok();  // repeated step: already removed
  if (node->state != "retired") return Error::FailedPrecondition("only a retired node can be removed");
  GPUAAS_RETURN_IF_ERROR(
      EmitNodeEvent(session, context_, *node, "node.removed", "Removed from the fleet", actor.principal.label));
  return NodeRepository::Delete(session, node_id);
}

Status NodeService::AwaitReconnected(std::string_view node_id, Timestamp after, std::string_view version,
                                     std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    std::optional<repositories::NodeRecord> node;
    GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(node, repositories::NodeRepository::Find(session, node_id));
      return Ok();
    }));
    if (!node) return Error::NotFound("node " + std::string(node_id) + " not found");
    const bool on_version = node->agent_version && wire::fleet::ReleaseOf(*node->agent_version) == version;
    if (node->connected && node->connected_since && *node->connected_since >= after && on_version) return Ok();
    if (std::chrono::steady_clock::now() >= deadline) {
      return Error::Unavailable("the agent has not reconnected on " + std::string(version) + " yet (reports " +
                                node->agent_version.value_or("nothing") + ")");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace gpuaas::services
