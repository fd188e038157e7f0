#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <string>

#include "repositories/operations/operation_repository.hpp"
#include "services/operations/operation_registry.hpp"
#include "services/service_context.hpp"
#include "shared/log.hpp"
#include "shared/worker_loop.hpp"

namespace gpuaas::services {

struct OperationRunnerOptions {
  std::string owner;  // this replica's name; each claim adds its own suffix (the fencing token)
  int workers = 2;
  int claim_batch = 4;  // operations one worker claims per transaction, then runs in turn
  std::chrono::milliseconds idle_poll{250};
  std::chrono::milliseconds lease{30000};
  std::chrono::milliseconds retry_base{1000};
  std::chrono::milliseconds retry_cap{60000};
};

// Runs queued operations. Each worker claims one due operation under a lease and runs its
// remaining steps in order: a step's `act` outside any transaction, then its `commit`
// together with the step's completion, fenced by the lease. Transient errors are retried
// with exponential backoff and jitter until the kind's attempt limit; other errors fail the
// operation (and run its compensation). A crash loses only the lease: when it expires, any
// runner takes the operation over at the step that had not committed. While it is alive, a
// runner renews the leases it holds every third of a lease.
class OperationRunner {
 public:
  OperationRunner(ServiceContext context, const OperationRegistry& registry, OperationRunnerOptions options,
                  std::function<void()> on_event);

  void Start();
  void Stop();
  void Wake() { loop_.Wake(); }

  // Claims and runs at most one operation; true when it ran one.
  Result<bool> RunOnce();

 private:
  // `fresh`: claimed just now, so the claim's view of the row is current.
  void Execute(const repositories::OperationRepository::Claimed& claimed, bool fresh);
  Status Fail(const repositories::Lease& lease, const repositories::OperationRecord& op, const OperationKind* kind,
              StepContext& context, const Error& error);
  Status Retry(const repositories::Lease& lease, const repositories::OperationRecord& op, const Step& step, int attempt,
               const Error& error);
  Status Cancel(const repositories::Lease& lease, const repositories::OperationRecord& op, const OperationKind& kind,
                StepContext& context);
  Status Emit(store::Session& session, const repositories::OperationRecord& op, const OperationKind* kind,
              std::string_view type, const std::string& error_message);
  double Jitter();
  // Extends the leases of the operations this replica is running, so a step that takes
  // longer than one lease (waiting for an agent) is not taken over while it is alive.
  bool RenewLeases();

  ServiceContext context_;
  const OperationRegistry& registry_;
  OperationRunnerOptions options_;
  std::function<void()> on_event_;
  log::Logger logger_{"operations"};
  std::mutex random_mutex_;
  std::mt19937_64 random_{std::random_device{}()};
  std::mutex in_flight_mutex_;
  std::map<std::string, repositories::Lease> in_flight_;
  // Last: their threads stop before the members they use go.
  WorkerLoop loop_;
  WorkerLoop lease_keeper_;
};

}  // namespace gpuaas::services
