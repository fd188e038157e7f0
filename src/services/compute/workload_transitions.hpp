#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "repositories/compute/workload_repository.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// Every change of a workload's state goes through here, inside the caller's transaction: the
// row (guarded by the state it was read in, so two replicas cannot both move it), its timestamp,
// the GPUs it holds, and a `workload.<state>` event in the outbox for its activity stream and
// notifications.
class WorkloadTransitions {
 public:
  explicit WorkloadTransitions(ServiceContext context) : context_(context) {}

  // requested -> queued, or queued with a new reason (no event when the reason is unchanged).
  Status Queue(store::Session& session, repositories::WorkloadRecord& workload, std::string reason_code,
               std::string reason_text) const;
  // requested|queued -> provisioning on `node_id`, GPUs [first_gpu, first_gpu + gpus) claimed.
  Status Place(store::Session& session, repositories::WorkloadRecord& workload, const std::string& node_id,
               std::int64_t first_gpu) const;
  // provisioning -> active with what the agent reported.
  Status Activate(store::Session& session, repositories::WorkloadRecord& workload,
                  const boost::json::object& connection) const;
  // provisioning -> failed: its GPUs are freed (nothing runs on them).
  Status FailProvisioning(store::Session& session, repositories::WorkloadRecord& workload, std::string reason) const;
  // failed -> queued again, keeping its place in the queue.
  Status Requeue(store::Session& session, repositories::WorkloadRecord& workload) const;
  // queued|requested -> released directly (nothing placed); active|release_failed|failed -> releasing.
  Status BeginRelease(store::Session& session, repositories::WorkloadRecord& workload) const;
  // releasing -> released, GPUs freed.
  Status FinishRelease(store::Session& session, repositories::WorkloadRecord& workload, std::string note) const;
  // releasing -> release_failed: the GPUs stay held, something may still run on them.
  Status FailRelease(store::Session& session, repositories::WorkloadRecord& workload, std::string reason) const;
  Status Rename(store::Session& session, repositories::WorkloadRecord& workload, std::string name) const;

 private:
  Status Emit(store::Session& session, const repositories::WorkloadRecord& workload, std::string type,
              std::string title) const;
  Status Save(store::Session& session, repositories::WorkloadRecord& workload, std::string_view from,
              std::string title) const;

  ServiceContext context_;
};

}  // namespace gpuaas::services
