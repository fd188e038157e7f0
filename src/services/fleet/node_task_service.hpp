#pragma once

#include <boost/json/object.hpp>

#include <chrono>
#include <functional>
#include <string>

#include "repositories/fleet/node_task_repository.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// Tasks for agents on behalf of operations: queued in the operation's step transaction, handed
// to the agent by the replica holding its socket, finished by the agent's task updates.
class NodeTaskService {
 public:
  // `deliver_now` asks the replica's agent hub to hand queued tasks out at once instead of at its
  // next poll (called when a wait starts, which is after the queueing transaction committed).
  explicit NodeTaskService(ServiceContext context, std::function<void()> deliver_now = {})
      : context_(context), deliver_now_(std::move(deliver_now)) {}

  // Queues `kind` for the node once per (operation, kind): a repeated step finds the first.
  Status Queue(store::Session& session, std::string_view node_id, std::string_view operation_id, std::string_view kind,
               const boost::json::object& params);
  // Waits up to `wait` for the task to finish (polling the row, so any replica's update counts).
  // unavailable while it has not: the operation runner retries the step with backoff.
  Result<repositories::NodeTaskRecord> AwaitFinished(std::string_view operation_id, std::string_view kind,
                                                     std::chrono::milliseconds wait);
  // How long one attempt of an operation's "wait for the agent" step polls before the runner
  // retries it; with six attempts an agent that stays away fails the operation in about two minutes.
  static constexpr std::chrono::seconds kWaitPerAttempt{20};

  // AwaitFinished for an operation step: the task's result as the operation's ({"task_id",
  // "agent": what the agent reported}); failed_precondition with the agent's error when it failed.
  Result<boost::json::object> AwaitSucceeded(std::string_view operation_id, std::string_view kind);
  // A task its operation gave up on: expired, so a late agent update cannot finish it.
  Status Expire(store::Session& session, std::string_view operation_id, std::string_view kind);

 private:
  ServiceContext context_;
  std::function<void()> deliver_now_;
};

}  // namespace gpuaas::services
