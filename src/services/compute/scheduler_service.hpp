#pragma once

#include <functional>

#include "services/compute/workload_transitions.hpp"
#include "services/operations/operation_service.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// The system caller the scheduler acts as: provisioning operations name it as their requester.
Caller SchedulerCaller();

// Places queued workloads. One pass is one transaction: it reads the queue (priority, then
// arrival) and the fleet's free GPUs, holds back what quotas do not allow now, lets the placement
// engine place the rest (best fit, with the head of the queue protected from starvation), and for
// each placement claims the GPUs, moves the workload to provisioning and starts its
// workload.provision operation, all or nothing. What waits is queued with its reason. Replicas
// may run passes at once: the GPU claims' primary key and the state-guarded updates make the
// loser's transaction fail, and its next pass starts from what the winner committed.
class SchedulerService {
 public:
  static constexpr int kPassLimit = 2000;  // requests read per pass

  SchedulerService(ServiceContext context, OperationService& operations)
      : context_(context), transitions_(context), operations_(operations) {}

  // The number of workloads placed.
  Result<int> Pass();

 private:
  ServiceContext context_;
  WorkloadTransitions transitions_;
  OperationService& operations_;
};

}  // namespace gpuaas::services
