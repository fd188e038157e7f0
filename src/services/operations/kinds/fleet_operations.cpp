#include "services/operations/kinds/fleet_operations.hpp"

#include <boost/json.hpp>

#include "repositories/compute/workload_repository.hpp"
#include "repositories/fleet/node_certificate_repository.hpp"
#include "repositories/fleet/node_repository.hpp"
#include "services/access/authorizer.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {
namespace {

namespace fleet = wire::fleet;

bool Alive(const TargetView& target) {
  const auto state = target.Fact("state");
  return state == "online" || state == "cordoned" || state == "draining";
}

Result<TargetView> ResolveNode(store::Session& session, const Caller& caller, std::string_view id) {
  const auto hidden = Error::HiddenNotFound("node " + std::string(id) + " not found");
  if (!caller.principal.platform_admin) return hidden;
  GPUAAS_ASSIGN_OR_RETURN(const auto node, repositories::NodeRepository::Find(session, id));
  if (!node) return hidden;
  GPUAAS_ASSIGN_OR_RETURN(const auto workloads, repositories::WorkloadRepository::CountOnNode(session, node->id));
  TargetView target{"node", node->id, node->name, {}, {}, {}, "/platform/nodes/" + node->id};
  target.facts = {{"state", node->state},
                  {"scheduling", node->scheduling},
                  {"connected", node->connected ? "true" : "false"},
                  {"workloads", std::to_string(workloads)}};
  return target;
}

Status AdminWithWrite(const TargetView& /*target*/, const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  if (!caller.principal.can_write) return Error::PermissionDenied("this token is read-only");
  return Ok();
}

Precondition NotRetired() {
  return {"not_retired", "The node is not retired", [](const TargetView& target, const Caller&) {
            return target.Fact("state") == "retired" ? std::optional<std::string>("the node is retired") : std::nullopt;
          }};
}

Precondition AgentConnected() {
  return {"agent_connected", "The node's agent is connected", [](const TargetView& target, const Caller&) {
            if (Alive(target)) return std::optional<std::string>();
            return std::optional<std::string>("the node is " + target.Fact("state") + "; its agent must be online");
          }};
}

Precondition SchedulingIs(std::string wanted, bool equal) {
  return {"scheduling_" + wanted, equal ? "The node is " + wanted : "The node is not " + wanted,
          [wanted, equal](const TargetView& target, const Caller&) -> std::optional<std::string> {
            if ((target.Fact("scheduling") == wanted) == equal) return std::nullopt;
            return "the node is " + target.Fact("scheduling");
          }};
}

Precondition NoWorkloads() {
  return {"no_workloads", "No workloads run on the node", [](const TargetView& target, const Caller&) {
            if (target.Fact("workloads") == "0") return std::optional<std::string>();
            return std::optional<std::string>(target.Fact("workloads") + " workloads still run on it; drain it first");
          }};
}

OperationKind NodeKind(std::string name, IntentGroup intent, std::string title, std::string description,
                       std::string expected, std::string failure) {
  auto kind = DescribedKind(std::move(name), "node", intent, std::move(title), std::move(description),
                            std::move(expected), std::move(failure), {"activity", "audit", "tasks"});
  kind.permission = AdminWithWrite;
  kind.preconditions = {NotRetired()};
  return kind;
}

// The two steps every agent task runs: queue it (exactly once), then wait for the agent's answer.
std::vector<Step> TaskSteps(NodeTaskService& tasks, std::string task_kind, std::string queue_title,
                            std::string wait_title) {
  return {{"queue_" + task_kind,
           std::move(queue_title),
           {},
           [&tasks, task_kind](store::Session& session, StepContext& context) {
             return tasks.Queue(session, context.target_id, context.operation_id, task_kind, context.params);
           }},
          {"await_" + task_kind,
           std::move(wait_title),
           [&tasks, task_kind](StepContext& context) -> Status {
             GPUAAS_ASSIGN_OR_RETURN(context.result, tasks.AwaitSucceeded(context.operation_id, task_kind));
             return Ok();
           },
           {}}};
}

OperationKind TaskKind(NodeTaskService& tasks, std::string name, std::string task_kind, IntentGroup intent,
                       std::string title, std::string description, std::string expected) {
  auto kind = NodeKind(std::move(name), intent, std::move(title), std::move(description), std::move(expected),
                       "If the agent does not answer within about two minutes the operation fails and its task "
                       "expires; nothing on the node changes. Check the node is online, then retry.");
  kind.preconditions.push_back(AgentConnected());
  kind.max_attempts = 6;
  kind.steps = TaskSteps(tasks, task_kind, "Send the task to the agent", "Wait for the agent's answer");
  kind.compensate = [&tasks, task_kind](store::Session& session, StepContext& context) {
    return tasks.Expire(session, context.operation_id, task_kind);
  };
  return kind;
}

OperationKind SchedulingKind(NodeService& nodes, std::string name, Scheduling scheduling, std::string title,
                             std::string description, std::string expected) {
  auto kind = NodeKind(std::move(name), IntentGroup::kMaintenance, std::move(title), std::move(description),
                       std::move(expected), "Nothing changes when the step fails; retry it.");
  kind.steps = {{"set_scheduling",
                 "Change the node's scheduling",
                 {},
                 [&nodes, scheduling](store::Session& session, StepContext& context) {
                   return nodes.ApplyScheduling(session, context.requester, context.target_id, scheduling);
                 }}};
  return kind;
}

Result<boost::json::object> DrainParams(const boost::json::object& params) {
  for (const auto& entry : params) {
    if (entry.key() != "timeout_seconds") {
      return Error::InvalidArgument("params." + std::string(entry.key()), "is not a known parameter");
    }
  }
  std::int64_t timeout = 600;
  if (const auto* given = params.if_contains("timeout_seconds")) {
    if (!given->is_int64() || given->as_int64() < 10 || given->as_int64() > 86400) {
      return Error::InvalidArgument("params.timeout_seconds", "must be an integer from 10 to 86400");
    }
    timeout = given->as_int64();
  }
  return boost::json::object{{"timeout_seconds", timeout}};
}

OperationKind Drain(NodeService& nodes, NodeTaskService& tasks) {
  auto kind = NodeKind("node.drain", IntentGroup::kMaintenance, "Drain",
                       "Stops new placements and asks the agent to stop the node's workloads within the timeout.",
                       "The node is cordoned and runs no workloads.",
                       "If the agent does not finish in time the node stays draining; resume it or retry.");
  kind.preconditions.push_back(AgentConnected());
  kind.params = DrainParams;
  kind.max_attempts = 8;
  auto steps = TaskSteps(tasks, std::string(fleet::kTaskDrain), "Ask the agent to stop workloads",
                         "Wait for the workloads to stop");
  steps.insert(steps.begin(),
               {"mark_draining", "Stop new placements", {}, [&nodes](store::Session& session, StepContext& context) {
                  return nodes.ApplyScheduling(session, context.requester, context.target_id, Scheduling::kDraining);
                }});
  steps.push_back(
      {"mark_cordoned", "Keep the node cordoned", {}, [&nodes](store::Session& session, StepContext& context) {
         return nodes.ApplyScheduling(session, context.requester, context.target_id, Scheduling::kCordoned);
       }});
  kind.steps = std::move(steps);
  kind.compensate = [&tasks](store::Session& session, StepContext& context) {
    return tasks.Expire(session, context.operation_id, fleet::kTaskDrain);
  };
  return kind;
}

OperationKind RotateCertificate(NodeTaskService& tasks) {
  auto kind = TaskKind(tasks, "node.rotate_certificate", std::string(fleet::kTaskRenewCertificate),
                       IntentGroup::kRecovery, "Rotate certificate",
                       "The agent makes a new key and gets a new certificate now; every older certificate of the "
                       "node is revoked afterwards.",
                       "The node presents a fresh certificate; its old keys are refused.");
  kind.steps.push_back({"revoke_older",
                        "Revoke the node's older certificates",
                        {},
                        [](store::Session& session, StepContext& context) -> Status {
                          GPUAAS_ASSIGN_OR_RETURN(const auto node,
                                                  repositories::NodeRepository::Find(session, context.target_id));
                          if (!node || !node->cert_serial) return Ok();
                          return repositories::NodeCertificateRepository::RevokeAllOf(session, node->id, "rotated",
                                                                                      context.now, *node->cert_serial);
                        }});
  return kind;
}

// node.update_agent's params: none from the caller; the release published now is pinned into
// them, so the task, a retry and the operation's evidence all name the same binary.
ParamsValidator PinRelease(const AgentReleaseService& releases) {
  return [&releases](const boost::json::object& params) -> Result<boost::json::object> {
    for (const auto& entry : params) {
      return Error::InvalidArgument("params." + std::string(entry.key()),
                                    "is not a known parameter; the server's published release is installed");
    }
    GPUAAS_ASSIGN_OR_RETURN(const auto release, releases.Current());
    return boost::json::object{
        {"download_path", release.download_path}, {"sha256", release.sha256}, {"version", release.version}};
  };
}

OperationKind UpdateAgent(NodeService& nodes, NodeTaskService& tasks, const AgentReleaseService& releases) {
  auto kind =
      TaskKind(tasks, "node.update_agent", std::string(fleet::kTaskSelfUpdate), IntentGroup::kRecovery, "Update agent",
               "The agent downloads the release this server publishes, checks its SHA-256, swaps it in "
               "atomically and restarts on it; workloads keep running.",
               "The node reconnects reporting the published version.");
  kind.params = PinRelease(releases);
  kind.steps.push_back(
      {"await_new_version",
       "Wait for the agent to reconnect on the new version",
       [&nodes, &tasks](StepContext& context) -> Status {
         GPUAAS_ASSIGN_OR_RETURN(const auto task, tasks.AwaitFinished(context.operation_id, fleet::kTaskSelfUpdate,
                                                                      std::chrono::milliseconds(0)));
         const auto* version = context.params.if_contains("version");
         if (version == nullptr || !version->is_string()) {
           return Error::Internal("node.update_agent lost its pinned release");
         }
         return nodes.AwaitReconnected(context.target_id, task.updated_at, std::string_view(version->as_string()),
                                       NodeTaskService::kWaitPerAttempt);
       },
       {}});
  return kind;
}

OperationKind Retire(NodeService& nodes) {
  auto kind = NodeKind("node.retire", IntentGroup::kDestructive, "Retire",
                       "Takes the node out of the fleet for good: no placements, its certificates revoked, its agent "
                       "disconnected. History and activity stay.",
                       "The node is retired; its agent is refused from now on.",
                       "Nothing changes when the step fails; retry it. Retiring cannot be undone: enroll the host "
                       "again as a new node.");
  kind.danger = Danger::kDestructive;
  kind.confirmation = Confirmation::kTyped;
  kind.preconditions.push_back(NoWorkloads());
  kind.steps = {{"retire",
                 "Retire the node and revoke its certificates",
                 {},
                 [&nodes](store::Session& session, StepContext& context) {
                   return nodes.ApplyRetire(session, context.requester, context.target_id);
                 }}};
  return kind;
}

OperationKind Remove(NodeService& nodes) {
  auto kind = NodeKind("node.remove", IntentGroup::kDestructive, "Remove",
                       "Deletes a retired node's record, certificates and tasks. The audit trail and activity keep "
                       "what happened.",
                       "The node is gone from the fleet list.", "Nothing changes when the step fails; retry it.");
  kind.danger = Danger::kDestructive;
  kind.confirmation = Confirmation::kTyped;
  kind.preconditions = {{"retired", "The node is retired",
                         [](const TargetView& target, const Caller&) {
                           if (target.Fact("state") == "retired") return std::optional<std::string>();
                           return std::optional<std::string>("retire the node first");
                         }},
                        NoWorkloads()};
  kind.steps = {{"remove", "Remove the node", {}, [&nodes](store::Session& session, StepContext& context) {
                   return nodes.ApplyRemove(session, context.requester, context.target_id);
                 }}};
  return kind;
}

}  // namespace

void RegisterFleetOperations(OperationRegistry& registry, NodeService& nodes, NodeTaskService& tasks,
                             const AgentReleaseService& releases) {
  registry.AddTarget("node", ResolveNode);
  registry.AddKind(TaskKind(tasks, "node.probe", std::string(fleet::kTaskProbe), IntentGroup::kInspect, "Probe",
                            "The agent checks itself: data directory, key and certificate, GPU source and clock.",
                            "The operation's result lists every check and whether it passed."));
  registry.AddKind(TaskKind(tasks, "node.refresh_inventory", std::string(fleet::kTaskRefreshInventory),
                            IntentGroup::kInspect, "Refresh inventory",
                            "The agent reads the host's hardware, OS, runtimes and GPUs again.",
                            "The node's inventory and GPU list show what the host has now."));
  registry.AddKind(TaskKind(tasks, "node.collect_diagnostics", std::string(fleet::kTaskCollectDiagnostics),
                            IntentGroup::kInspect, "Collect diagnostics",
                            "The agent reports its version, uptime, certificate and recent log lines.",
                            "The operation's result holds the diagnostics bundle."));
  registry.AddKind(TaskKind(tasks, "node.repair_agent", std::string(fleet::kTaskRestartAgent), IntentGroup::kRecovery,
                            "Repair agent", "The agent restarts itself in place; workloads keep running.",
                            "The agent reconnects within seconds with a fresh process."));
  registry.AddKind(RotateCertificate(tasks));
  registry.AddKind(UpdateAgent(nodes, tasks, releases));
  auto cordon = SchedulingKind(nodes, "node.cordon", Scheduling::kCordoned, "Cordon",
                               "Stops new workloads from being placed on the node; running ones keep running.",
                               "The node is cordoned.");
  cordon.preconditions.push_back(SchedulingIs("schedulable", true));
  registry.AddKind(std::move(cordon));
  auto resume = SchedulingKind(nodes, "node.resume", Scheduling::kSchedulable, "Resume scheduling",
                               "Lets the scheduler place workloads on the node again.", "The node is schedulable.");
  resume.preconditions.push_back(SchedulingIs("schedulable", false));
  registry.AddKind(std::move(resume));
  registry.AddKind(Drain(nodes, tasks));
  registry.AddKind(Retire(nodes));
  registry.AddKind(Remove(nodes));
}

}  // namespace gpuaas::services
