#include "services/fleet/node_task_service.hpp"

#include <boost/json.hpp>

#include <thread>

namespace gpuaas::services {

using repositories::NodeTaskRepository;

namespace {

constexpr auto kPollEvery = std::chrono::milliseconds(100);

bool Finished(const repositories::NodeTaskRecord& task) {
  return task.state == "succeeded" || task.state == "failed" || task.state == "expired";
}

}  // namespace

Status NodeTaskService::Queue(store::Session& session, std::string_view node_id, std::string_view operation_id,
                              std::string_view kind, const boost::json::object& params) {
  GPUAAS_ASSIGN_OR_RETURN(const auto existing, NodeTaskRepository::FindByOperation(session, operation_id, kind));
  if (existing) return Ok();
  const auto now = context_.clock.Now();
  return NodeTaskRepository::Insert(
      session, {context_.ids.Next("task"), std::string(node_id), std::string(operation_id), std::string(kind),
                boost::json::serialize(params), "queued", "{}", std::nullopt, now, now});
}

Result<repositories::NodeTaskRecord> NodeTaskService::AwaitFinished(std::string_view operation_id,
                                                                    std::string_view kind,
                                                                    std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  if (deliver_now_) deliver_now_();
  while (true) {
    std::optional<repositories::NodeTaskRecord> task;
    GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(task, NodeTaskRepository::FindByOperation(session, operation_id, kind));
      return Ok();
    }));
    if (!task) return Error::NotFound("the node task of operation " + std::string(operation_id) + " is missing");
    if (Finished(*task)) return std::move(*task);
    if (std::chrono::steady_clock::now() >= deadline) {
      return Error::Unavailable("the agent has not finished the " + std::string(kind) + " task yet (" + task->state +
                                ")");
    }
    std::this_thread::sleep_for(kPollEvery);
  }
}

Result<boost::json::object> NodeTaskService::AwaitSucceeded(std::string_view operation_id, std::string_view kind) {
  GPUAAS_ASSIGN_OR_RETURN(const auto task, AwaitFinished(operation_id, kind, kWaitPerAttempt));
  if (task.state != "succeeded") {
    return Error::FailedPrecondition("the agent reported: " + task.error.value_or(task.state));
  }
  boost::json::object result{{"task_id", task.id}};
  boost::system::error_code ec;
  const auto reported = boost::json::parse(task.result, ec);
  if (!ec && reported.is_object()) result["agent"] = reported.as_object();
  return result;
}

Status NodeTaskService::Expire(store::Session& session, std::string_view operation_id, std::string_view kind) {
  GPUAAS_ASSIGN_OR_RETURN(const auto task, NodeTaskRepository::FindByOperation(session, operation_id, kind));
  if (!task) return Ok();
  GPUAAS_ASSIGN_OR_RETURN(const bool expired, NodeTaskRepository::Advance(session, task->id, "expired", task->result,
                                                                          std::string("the operation gave up waiting"),
                                                                          context_.clock.Now()));
  (void)expired;
  return Ok();
}

}  // namespace gpuaas::services
