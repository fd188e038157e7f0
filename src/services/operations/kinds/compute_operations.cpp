#include "services/operations/kinds/compute_operations.hpp"

#include <boost/json.hpp>

#include "repositories/compute/workload_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/compute/compute_rules.hpp"
#include "services/compute/workload_service.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {
namespace {

namespace fleet = wire::fleet;
using repositories::WorkloadRecord;
using repositories::WorkloadRepository;

Result<TargetView> ResolveWorkload(store::Session& session, const Caller& caller, std::string_view id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto w, WorkloadService::LoadVisible(session, caller, id, false));
  TargetView target{"workload", w.id, w.name, w.project_id, w.tenant_id, {}, "/workloads/" + w.id};
  target.facts = {{"state", w.state}, {"node_id", w.node_id.value_or("")}, {"owner_id", w.owner_id}};
  // Whether the caller may act on it (project member or more), for the kinds' permission checks.
  bool can_use = caller.principal.kind == PrincipalKind::kSystem;
  if (!can_use) can_use = Authorizer::RequireProject(session, caller, w.project_id, ProjectRole::kMember).ok();
  target.facts["caller_can_use"] = can_use ? "true" : "false";
  return target;
}

Result<WorkloadRecord> Load(store::Session& session, std::string_view id) {
  GPUAAS_ASSIGN_OR_RETURN(auto w, WorkloadRepository::Find(session, id));
  if (!w) return Error::NotFound("workload " + std::string(id) + " no longer exists");
  return std::move(*w);
}

// Members of the workload's project act on it (platform admins too), with a token that may write.
Status ProjectMemberWithWrite(const TargetView& target, const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  if (!caller.principal.can_write) return Error::PermissionDenied("this token is read-only");
  if (target.Fact("caller_can_use") != "true") {
    return Error::PermissionDenied("requires the project role member or higher");
  }
  return Ok();
}

Precondition StateIn(std::vector<std::string> states, std::string description) {
  return {"state", std::move(description),
          [states = std::move(states)](const TargetView& target, const Caller&) -> std::optional<std::string> {
            const auto state = target.Fact("state");
            for (const auto& wanted : states) {
              if (state == wanted) return std::nullopt;
            }
            return "the workload is " + state;
          }};
}

OperationKind WorkloadKind(std::string name, IntentGroup intent, std::string title, std::string description,
                           std::string expected, std::string failure) {
  auto kind = DescribedKind(std::move(name), "workload", intent, std::move(title), std::move(description),
                            std::move(expected), std::move(failure), {"activity", "audit", "tasks"});
  kind.permission = ProjectMemberWithWrite;
  return kind;
}

// Waits for the agent's answer to `task_kind` of this operation (context.result["agent"]).
Status AwaitAgent(NodeTaskService& tasks, StepContext& context, std::string_view task_kind) {
  GPUAAS_ASSIGN_OR_RETURN(context.result, tasks.AwaitSucceeded(context.operation_id, task_kind));
  return Ok();
}

boost::json::object TaskParams(const WorkloadRecord& w, bool with_keys) {
  boost::json::object params{{"workload_id", w.id}, {"unix_user", WorkloadUnixUser(w.id)}};
  if (!with_keys) return params;
  boost::json::array gpu_indexes;
  for (std::int64_t i = 0; i < w.gpus; ++i) gpu_indexes.push_back(w.first_gpu.value_or(0) + i);
  params["gpu_indexes"] = std::move(gpu_indexes);
  params["cuda_visible_devices"] = CudaVisibleDevices(w.first_gpu.value_or(0), w.gpus);
  boost::json::array keys;
  boost::system::error_code ec;
  const auto stored = boost::json::parse(w.ssh_keys, ec);
  if (!ec && stored.is_array()) {
    for (const auto& key : stored.as_array()) {
      if (const auto* text = key.as_object().if_contains("public_key")) keys.push_back(*text);
    }
  }
  params["ssh_keys"] = std::move(keys);
  return params;
}

OperationKind Provision(NodeTaskService& tasks, WorkloadTransitions& transitions) {
  auto kind = WorkloadKind("workload.provision", IntentGroup::kSetup, "Provision",
                           "Creates the workload's Unix user with the owner's SSH keys on its node, limits it to its "
                           "GPUs (CUDA_VISIBLE_DEVICES) and reports how to connect.",
                           "The workload is active; the connect tab shows its SSH command and terminal.",
                           "If the agent fails or does not answer within about two minutes the workload fails, its "
                           "GPUs are freed, and Retry provisioning queues it again in its old place.");
  // Started by the scheduler when it places the workload, never by hand.
  kind.permission = [](const TargetView&, const Caller& caller) -> Status {
    if (caller.principal.kind != PrincipalKind::kSystem) {
      return Error::PermissionDenied("provisioning is started by the scheduler; use retry_provisioning");
    }
    return Ok();
  };
  kind.max_attempts = 6;
  kind.steps = {{"queue_provision",
                 "Send the provisioning task to the node's agent",
                 {},
                 [&tasks](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(const auto w, Load(session, context.target_id));
                   if (!w.node_id) return Error::FailedPrecondition("the workload is not placed on a node");
                   return tasks.Queue(session, *w.node_id, context.operation_id, fleet::kTaskWorkloadProvision,
                                      TaskParams(w, true));
                 }},
                {"await_provision", "Wait for the agent to create the user and report the connection",
                 [&tasks](StepContext& context) { return AwaitAgent(tasks, context, fleet::kTaskWorkloadProvision); },
                 [&transitions](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
                   boost::json::object connection;
                   if (const auto* agent = context.result.if_contains("agent");
                       agent != nullptr && agent->is_object()) {
                     connection = agent->as_object();
                   }
                   return transitions.Activate(session, w, connection);
                 }}};
  kind.compensate = [&tasks, &transitions](store::Session& session, StepContext& context) -> Status {
    GPUAAS_RETURN_IF_ERROR(tasks.Expire(session, context.operation_id, fleet::kTaskWorkloadProvision));
    GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
    return transitions.FailProvisioning(session, w,
                                        context.failure.empty() ? "provisioning was cancelled" : context.failure);
  };
  return kind;
}

OperationKind Release(NodeTaskService& tasks, WorkloadTransitions& transitions) {
  auto kind = WorkloadKind("workload.release", IntentGroup::kDestructive, "Release",
                           "Stops every process of the workload, removes its Unix user and files, and frees its GPUs. "
                           "Billing stops.",
                           "The workload is released and listed in History; its GPUs are free.",
                           "If the agent cannot clean up the workload is release_failed and keeps its GPUs; retry the "
                           "release, or a platform admin force-releases it.");
  kind.danger = Danger::kDestructive;
  kind.confirmation = Confirmation::kConfirm;
  kind.max_attempts = 6;
  kind.preconditions = {
      StateIn({"requested", "queued", "provisioning", "active", "failed", "release_failed", "released"},
              "The workload can be released")};
  kind.steps = {{"begin_release",
                 "Stop new work and mark the workload releasing",
                 {},
                 [&transitions](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
                   if (w.state == "released" || w.state == "releasing")
                     return Ok();  // a repeated release changes nothing
                   return transitions.BeginRelease(session, w);
                 }},
                {"queue_release",
                 "Ask the node's agent to stop the processes and remove the user",
                 {},
                 [&tasks](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(const auto w, Load(session, context.target_id));
                   if (w.state != "releasing" || !w.node_id) return Ok();
                   return tasks.Queue(session, *w.node_id, context.operation_id, fleet::kTaskWorkloadRelease,
                                      TaskParams(w, false));
                 }},
                // A workload that never reached a node (or whose release already finished) has no task to
                // wait for: the await step finds none of this operation and ends at once.
                {"await_release", "Wait for the agent's clean-up and free the GPUs",
                 [&tasks](StepContext& context) -> Status {
                   auto waited = AwaitAgent(tasks, context, fleet::kTaskWorkloadRelease);
                   if (!waited && waited.error().code() == ErrorCode::kNotFound) return Ok();
                   return waited;
                 },
                 [&transitions](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
                   if (w.state != "releasing") return Ok();
                   return transitions.FinishRelease(session, w, "");
                 }}};
  kind.compensate = [&tasks, &transitions](store::Session& session, StepContext& context) -> Status {
    GPUAAS_RETURN_IF_ERROR(tasks.Expire(session, context.operation_id, fleet::kTaskWorkloadRelease));
    GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
    return transitions.FailRelease(session, w, context.failure.empty() ? "the release was cancelled" : context.failure);
  };
  return kind;
}

OperationKind ForceRelease(WorkloadTransitions& transitions) {
  auto kind = WorkloadKind("workload.force_release", IntentGroup::kRecovery, "Force release",
                           "Marks the workload released and frees its GPUs without waiting for its agent. Use when the "
                           "node is gone or its agent cannot clean up; check the node afterwards.",
                           "The workload is released; its GPUs are free for new placements.",
                           "Nothing changes when the step fails; retry it.");
  kind.danger = Danger::kDestructive;
  kind.confirmation = Confirmation::kTyped;
  kind.permission = [](const TargetView&, const Caller& caller) -> Status {
    GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
    if (!caller.principal.can_write) return Error::PermissionDenied("this token is read-only");
    return Ok();
  };
  kind.preconditions = {
      StateIn({"provisioning", "active", "releasing", "release_failed", "failed"}, "The workload holds or held GPUs")};
  kind.steps = {{"force_release",
                 "Free the GPUs and mark the workload released",
                 {},
                 [&transitions](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
                   if (w.state != "releasing") GPUAAS_RETURN_IF_ERROR(transitions.BeginRelease(session, w));
                   return transitions.FinishRelease(
                       session, w,
                       "force released by " + context.requester.principal.label + " without the agent's clean-up");
                 }}};
  return kind;
}

OperationKind RetryProvisioning(WorkloadTransitions& transitions) {
  auto kind = WorkloadKind("workload.retry_provisioning", IntentGroup::kRecovery, "Retry provisioning",
                           "Queues a failed workload again in its original place in the queue; the scheduler places it "
                           "on a node with free GPUs.",
                           "The workload is queued, then provisioning and active.",
                           "Nothing changes when the step fails; retry it.");
  kind.preconditions = {StateIn({"failed"}, "The workload failed")};
  kind.steps = {{"requeue",
                 "Queue the workload again",
                 {},
                 [&transitions](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
                   return transitions.Requeue(session, w);
                 }}};
  return kind;
}

OperationKind Restart(NodeTaskService& tasks) {
  auto kind = WorkloadKind("workload.restart", IntentGroup::kRecovery, "Restart processes",
                           "Stops every process running as the workload's user (terminals and SSH sessions included); "
                           "its files and GPUs stay.",
                           "No process of the workload runs; connect again to start new ones.",
                           "If the agent does not answer within about two minutes nothing changes; retry.");
  kind.confirmation = Confirmation::kConfirm;
  kind.danger = Danger::kCaution;
  kind.max_attempts = 6;
  kind.preconditions = {StateIn({"active"}, "The workload is active")};
  kind.steps = {{"queue_restart",
                 "Send the restart task to the node's agent",
                 {},
                 [&tasks](store::Session& session, StepContext& context) -> Status {
                   GPUAAS_ASSIGN_OR_RETURN(const auto w, Load(session, context.target_id));
                   if (!w.node_id) return Error::FailedPrecondition("the workload is not on a node");
                   return tasks.Queue(session, *w.node_id, context.operation_id, fleet::kTaskWorkloadRestart,
                                      TaskParams(w, false));
                 }},
                {"await_restart",
                 "Wait for the agent to stop the processes",
                 [&tasks](StepContext& context) { return AwaitAgent(tasks, context, fleet::kTaskWorkloadRestart); },
                 {}}};
  kind.compensate = [&tasks](store::Session& session, StepContext& context) {
    return tasks.Expire(session, context.operation_id, fleet::kTaskWorkloadRestart);
  };
  return kind;
}

Result<boost::json::object> RenameParams(const boost::json::object& params) {
  for (const auto& entry : params) {
    if (entry.key() != "name")
      return Error::InvalidArgument("params." + std::string(entry.key()), "is not a known parameter");
  }
  const auto* name = params.if_contains("name");
  if (name == nullptr || !name->is_string()) return Error::InvalidArgument("params.name", "is required");
  GPUAAS_RETURN_IF_ERROR(ValidateWorkloadName(name->as_string(), "params.name"));
  return boost::json::object{{"name", name->as_string()}};
}

OperationKind Rename(WorkloadTransitions& transitions) {
  auto kind = WorkloadKind("workload.rename", IntentGroup::kUpdate, "Rename",
                           "Changes the workload's display name. Its id, Unix user and connection stay.",
                           "The workload shows its new name.", "Nothing changes when the step fails; retry it.");
  kind.params = RenameParams;
  kind.exclusive = false;
  kind.steps = {
      {"rename", "Rename the workload", {}, [&transitions](store::Session& session, StepContext& context) -> Status {
         GPUAAS_ASSIGN_OR_RETURN(auto w, Load(session, context.target_id));
         return transitions.Rename(session, w, std::string(context.params.at("name").as_string()));
       }}};
  return kind;
}

}  // namespace

void RegisterComputeOperations(OperationRegistry& registry, NodeTaskService& tasks, WorkloadTransitions& transitions) {
  registry.AddTarget("workload", ResolveWorkload);
  registry.AddKind(Provision(tasks, transitions));
  registry.AddKind(Release(tasks, transitions));
  registry.AddKind(ForceRelease(transitions));
  registry.AddKind(RetryProvisioning(transitions));
  registry.AddKind(Restart(tasks));
  registry.AddKind(Rename(transitions));
}

}  // namespace gpuaas::services
