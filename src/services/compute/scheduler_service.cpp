#include "services/compute/scheduler_service.hpp"

#include <map>

#include "repositories/compute/workload_repository.hpp"
#include "services/access/quota_service.hpp"
#include "services/compute/capacity_snapshot.hpp"

namespace gpuaas::services {

using repositories::WorkloadRecord;
using repositories::WorkloadRepository;

Caller SchedulerCaller() {
  Caller caller;
  caller.principal = Principal{PrincipalKind::kSystem, "scheduler", "scheduler"};
  return caller;
}

namespace {

// GPUs and workloads held now by one project or owner, plus what this pass placed for it.
struct Usage {
  std::int64_t gpus = 0;
  std::int64_t workloads = 0;
};

bool Exceeds(const EffectiveLimit& limit, std::int64_t used, std::int64_t more) {
  return limit.limit && used + more > *limit.limit;
}

// Why a request that fits the fleet may not run yet: the quota it would exceed, or nothing.
class QuotaGate {
 public:
  explicit QuotaGate(store::Session& session) : session_(session) {}

  // Counts the workload in when it passes, so later requests of the pass see it.
  Result<std::optional<std::string>> Admit(const WorkloadRecord& w) {
    GPUAAS_ASSIGN_OR_RETURN(auto* project, UsageOf(projects_, w.project_id, true));
    GPUAAS_ASSIGN_OR_RETURN(auto* owner, UsageOf(owners_, w.owner_id, false));
    const auto user = w.owner_id.rfind("usr", 0) == 0 ? std::optional<std::string_view>(w.owner_id) : std::nullopt;
    GPUAAS_ASSIGN_OR_RETURN(const auto quota, QuotaService::Resolve(session_, w.project_id, user));
    // The most specific rule applies to what the owner holds; the project rule to the project.
    const auto& held = quota.gpus.source == "user_override" ? *owner : *project;
    const auto& held_workloads = quota.workloads.source == "user_override" ? *owner : *project;
    if (Exceeds(quota.gpus, held.gpus, w.gpus)) {
      return std::optional<std::string>("Waiting for quota: " + std::to_string(held.gpus) + " of " +
                                        std::to_string(*quota.gpus.limit) + " GPUs in use (" + quota.gpus.source + ")");
    }
    if (Exceeds(quota.workloads, held_workloads.workloads, 1)) {
      return std::optional<std::string>("Waiting for quota: " + std::to_string(held_workloads.workloads) + " of " +
                                        std::to_string(*quota.workloads.limit) + " workloads running (" +
                                        quota.workloads.source + ")");
    }
    project->gpus += w.gpus;
    project->workloads += 1;
    owner->gpus += w.gpus;
    owner->workloads += 1;
    return std::optional<std::string>();
  }

 private:
  Result<Usage*> UsageOf(std::map<std::string, Usage>& cache, const std::string& id, bool project) {
    auto it = cache.find(id);
    if (it == cache.end()) {
      GPUAAS_ASSIGN_OR_RETURN(const auto counted, project ? WorkloadRepository::UsageOfProject(session_, id)
                                                          : WorkloadRepository::UsageOfOwner(session_, id));
      it = cache.emplace(id, Usage{counted.gpus, counted.workloads}).first;
    }
    return &it->second;
  }

  store::Session& session_;
  std::map<std::string, Usage> projects_;
  std::map<std::string, Usage> owners_;
};

std::string WaitText(WaitReason reason, const WorkloadRecord& w) {
  if (reason == WaitReason::kWaitingForEarlierRequest) {
    return "Waiting behind an earlier request that is owed the next free capacity";
  }
  return "No free " + std::to_string(w.gpus) + "x " + w.gpu_model + " capacity now; it starts when GPUs free up";
}

}  // namespace

Result<int> SchedulerService::Pass() {
  int placed = 0;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    placed = 0;
    GPUAAS_ASSIGN_OR_RETURN(auto pending, WorkloadRepository::Pending(session, kPassLimit));
    if (pending.empty()) return Ok();
    GPUAAS_ASSIGN_OR_RETURN(auto capacity, LoadCapacity(session));
    QuotaGate quotas(session);
    std::map<std::string, WorkloadRecord*> by_id;
    std::vector<PlacementRequest> requests;
    for (auto& w : pending) {
      by_id[w.id] = &w;
      GPUAAS_ASSIGN_OR_RETURN(const auto over_quota, quotas.Admit(w));
      if (over_quota) {
        GPUAAS_RETURN_IF_ERROR(transitions_.Queue(session, w, "quota", *over_quota));
        continue;
      }
      requests.push_back(PlacementRequest{w.id, static_cast<int>(w.gpus), w.gpu_model, w.regions,
                                          static_cast<int>(w.priority), w.queue_us});
    }
    const auto plan = capacity.index.PlanQueue(requests);
    for (const auto& decision : plan.placed) {
      auto& w = *by_id.at(decision.request_id);
      GPUAAS_RETURN_IF_ERROR(transitions_.Place(session, w, decision.placement.node_id, decision.placement.first_gpu));
      GPUAAS_RETURN_IF_ERROR(
          operations_.StartWithin(session, SchedulerCaller(), {"workload.provision", "workload", w.id, {}, {}}));
      ++placed;
    }
    for (const auto& waiting : plan.waiting) {
      auto& w = *by_id.at(waiting.request_id);
      GPUAAS_RETURN_IF_ERROR(
          transitions_.Queue(session, w, std::string(WaitReasonName(waiting.reason)), WaitText(waiting.reason, w)));
    }
    return Ok();
  }));
  if (placed > 0) operations_.Changed();
  return placed;
}

}  // namespace gpuaas::services
