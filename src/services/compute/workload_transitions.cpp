#include "services/compute/workload_transitions.hpp"

#include <boost/json.hpp>

#include "repositories/compute/gpu_claim_repository.hpp"
#include "services/platform/outbox.hpp"

namespace gpuaas::services {

using repositories::GpuClaimRepository;
using repositories::WorkloadRecord;
using repositories::WorkloadRepository;

Status WorkloadTransitions::Emit(store::Session& session, const WorkloadRecord& workload, std::string type,
                                 std::string title) const {
  DomainEvent event;
  event.type = std::move(type);
  event.resource_type = "workload";
  event.resource_id = workload.id;
  event.project_id = workload.project_id;
  event.tenant_id = workload.tenant_id;
  event.actor_label = "platform";
  event.payload = boost::json::object{{"title", std::move(title)},
                                      {"workload_name", workload.name},
                                      {"state", workload.state},
                                      {"owner_id", workload.owner_id},
                                      {"reason", workload.state_reason.value_or("")}};
  GPUAAS_RETURN_IF_ERROR(EmitEvent(session, context_.clock, context_.ids, event));
  return Ok();
}

Status WorkloadTransitions::Save(store::Session& session, WorkloadRecord& workload, std::string_view from,
                                 std::string title) const {
  workload.updated_at = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(WorkloadRepository::Update(session, workload, from));
  return Emit(session, workload, "workload." + workload.state, std::move(title));
}

Status WorkloadTransitions::Queue(store::Session& session, WorkloadRecord& workload, std::string reason_code,
                                  std::string reason_text) const {
  if (workload.state != "requested" && workload.state != "queued") {
    return Error::FailedPrecondition("workload " + workload.id + " is " + workload.state + ", not waiting");
  }
  if (workload.state == "queued" && workload.queue_reason == reason_code) return Ok();
  const auto from = workload.state;
  const bool first = from == "requested";
  workload.state = "queued";
  workload.queue_reason = std::move(reason_code);
  workload.state_reason = std::move(reason_text);
  if (!workload.queued_at) workload.queued_at = context_.clock.Now();
  if (!first) {
    // A changed reason is not a new state: update the row without a second "queued" event.
    workload.updated_at = context_.clock.Now();
    return WorkloadRepository::Update(session, workload, from);
  }
  return Save(session, workload, from, "Queued: " + *workload.state_reason);
}

Status WorkloadTransitions::Place(store::Session& session, WorkloadRecord& workload, const std::string& node_id,
                                  std::int64_t first_gpu) const {
  if (workload.state != "requested" && workload.state != "queued") {
    return Error::FailedPrecondition("workload " + workload.id + " is " + workload.state + ", not waiting");
  }
  const auto now = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(GpuClaimRepository::Claim(session, node_id, first_gpu, workload.gpus, workload.id,
                                                   workload.project_id, workload.owner_id, now));
  const auto from = workload.state;
  workload.state = "provisioning";
  workload.queue_reason.reset();
  workload.state_reason.reset();
  workload.node_id = node_id;
  workload.first_gpu = first_gpu;
  if (!workload.queued_at) workload.queued_at = now;
  workload.provisioning_at = now;
  workload.failed_at.reset();
  return Save(session, workload, from,
              "Placed on node " + node_id + ", GPUs " + std::to_string(first_gpu) + " to " +
                  std::to_string(first_gpu + workload.gpus - 1) + "; provisioning");
}

Status WorkloadTransitions::Activate(store::Session& session, WorkloadRecord& workload,
                                     const boost::json::object& connection) const {
  if (workload.state == "active") return Ok();
  if (workload.state != "provisioning") {
    return Error::FailedPrecondition("workload " + workload.id + " is " + workload.state + ", not provisioning");
  }
  workload.state = "active";
  workload.connection = boost::json::serialize(connection);
  workload.active_at = context_.clock.Now();
  return Save(session, workload, "provisioning", "Active: ready to connect");
}

Status WorkloadTransitions::FailProvisioning(store::Session& session, WorkloadRecord& workload,
                                             std::string reason) const {
  if (workload.state != "provisioning") return Ok();
  GPUAAS_RETURN_IF_ERROR(GpuClaimRepository::ReleaseOf(session, workload.id));
  workload.state = "failed";
  workload.state_reason = std::move(reason);
  workload.failed_at = context_.clock.Now();
  return Save(session, workload, "provisioning", "Provisioning failed: " + *workload.state_reason);
}

Status WorkloadTransitions::Requeue(store::Session& session, WorkloadRecord& workload) const {
  if (workload.state != "failed") {
    return Error::FailedPrecondition("only a failed workload can be provisioned again; it is " + workload.state);
  }
  workload.state = "queued";
  workload.queue_reason = "no_capacity";
  workload.state_reason = "Waiting to be placed again";
  workload.node_id.reset();
  workload.first_gpu.reset();
  workload.connection.reset();
  workload.archived_at.reset();
  return Save(session, workload, "failed", "Queued again for provisioning (keeps its place in the queue)");
}

Status WorkloadTransitions::BeginRelease(store::Session& session, WorkloadRecord& workload) const {
  const auto from = workload.state;
  const auto now = context_.clock.Now();
  if (from == "requested" || from == "queued") {
    workload.state = "released";
    workload.queue_reason.reset();
    workload.state_reason = "Released before it was placed";
    workload.releasing_at = now;
    workload.released_at = now;
    workload.archived_at = now;
    return Save(session, workload, from, "Released while waiting in the queue");
  }
  if (from != "active" && from != "release_failed" && from != "provisioning" && from != "failed") {
    return Error::FailedPrecondition("workload " + workload.id + " is " + from + "; it cannot be released");
  }
  workload.state = "releasing";
  workload.state_reason.reset();
  workload.releasing_at = now;
  return Save(session, workload, from, "Releasing: stopping its processes and removing its user");
}

Status WorkloadTransitions::FinishRelease(store::Session& session, WorkloadRecord& workload, std::string note) const {
  if (workload.state == "released") return Ok();
  const auto from = workload.state;
  GPUAAS_RETURN_IF_ERROR(GpuClaimRepository::ReleaseOf(session, workload.id));
  const auto now = context_.clock.Now();
  workload.state = "released";
  workload.state_reason = note.empty() ? std::nullopt : std::optional<std::string>(note);
  workload.released_at = now;
  workload.archived_at = now;
  return Save(session, workload, from, note.empty() ? "Released; its GPUs are free" : "Released: " + note);
}

Status WorkloadTransitions::FailRelease(store::Session& session, WorkloadRecord& workload, std::string reason) const {
  if (workload.state != "releasing") return Ok();
  workload.state = "release_failed";
  workload.state_reason = std::move(reason);
  workload.failed_at = context_.clock.Now();
  return Save(session, workload, "releasing", "Release failed: " + *workload.state_reason);
}

Status WorkloadTransitions::Rename(store::Session& session, WorkloadRecord& workload, std::string name) const {
  const auto from = workload.state;
  const auto old_name = workload.name;
  workload.name = std::move(name);
  workload.updated_at = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(WorkloadRepository::Update(session, workload, from));
  return Emit(session, workload, "workload.renamed", "Renamed from " + old_name + " to " + workload.name);
}

}  // namespace gpuaas::services
