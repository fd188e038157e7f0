#include "services/platform/outbox_dispatcher.hpp"

#include <cstdlib>

namespace gpuaas::services {

using repositories::OutboxEventRecord;
using repositories::OutboxRepository;

namespace {

constexpr std::string_view kLeaseName = "outbox_dispatcher";

}  // namespace

OutboxDispatcher::OutboxDispatcher(store::Database& database, const Clock& clock, OutboxDispatcherOptions options)
    : database_(database), clock_(clock), options_(std::move(options)), loop_(options_.idle_poll, [this] {
        auto dispatched = DispatchOnce();
        if (!dispatched) {
          logger_.Warn("dispatch_failed", {{"cause", dispatched.error().message()}});
          return false;
        }
        return *dispatched > 0;
      }) {}

void OutboxDispatcher::Stop() {
  loop_.Stop();
  auto released = database_.Write([&](store::Session& session) {
    return OutboxRepository::ReleaseWorkerLease(session, kLeaseName, options_.owner);
  });
  if (!released) logger_.Warn("lease_release_failed", {{"cause", released.error().message()}});
}

Result<int> OutboxDispatcher::DispatchOnce() {
  bool leader = false;
  GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
    const auto ttl = std::chrono::duration_cast<std::chrono::microseconds>(options_.leader_ttl).count();
    GPUAAS_ASSIGN_OR_RETURN(leader, OutboxRepository::AcquireWorkerLease(session, kLeaseName, options_.owner,
                                                                         MicrosSinceEpoch(clock_.Now()), ttl));
    return Ok();
  }));
  if (!leader) return 0;

  std::vector<OutboxEventRecord> batch;
  GPUAAS_RETURN_IF_ERROR(database_.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(batch, OutboxRepository::Pending(session, options_.batch));
    return Ok();
  }));
  if (batch.empty()) return 0;

  bool first = true;
  for (auto* consumer : consumers_) {
    GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
      const auto now = clock_.Now();
      for (const auto& event : batch) {
        GPUAAS_ASSIGN_OR_RETURN(const bool seen, OutboxRepository::HasReceipt(session, consumer->name(), event.id));
        if (seen) continue;
        GPUAAS_RETURN_IF_ERROR(consumer->Handle(session, event));
        GPUAAS_RETURN_IF_ERROR(OutboxRepository::InsertReceipt(session, consumer->name(), event.id, now));
      }
      return Ok();
    }));
    consumer->AfterCommit();
    if (first && options_.fault == "exit_after_first_consumer") {
      logger_.Warn("fault_injected", {{"fault", options_.fault}, {"consumer", consumer->name()}});
      std::_Exit(86);
    }
    first = false;
  }
  GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
    return OutboxRepository::MarkDispatched(session, batch.back().seq, batch.front().seq, clock_.Now());
  }));
  return static_cast<int>(batch.size());
}

}  // namespace gpuaas::services
