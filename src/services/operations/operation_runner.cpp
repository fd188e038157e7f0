#include "services/operations/operation_runner.hpp"

#include <boost/json.hpp>

#include "services/operations/backoff.hpp"
#include "services/operations/operation_service.hpp"
#include "services/platform/outbox.hpp"

namespace gpuaas::services {

using repositories::Lease;
using repositories::OperationRecord;
using repositories::OperationRepository;

namespace {

std::int64_t Micros(std::chrono::milliseconds duration) {
  return std::chrono::duration_cast<std::chrono::microseconds>(duration).count();
}

bool IsTransient(const Error& error) {
  return error.code() == ErrorCode::kUnavailable || error.code() == ErrorCode::kRateLimited;
}

// The fence did not hold: another runner took the operation over.
Error LeaseLost(const Lease& lease) {
  return Error::Conflict("lease " + lease.owner + " on " + lease.operation_id + " was lost");
}

}  // namespace

OperationRunner::OperationRunner(ServiceContext context, const OperationRegistry& registry,
                                 OperationRunnerOptions options, std::function<void()> on_event)
    : context_(context),
      registry_(registry),
      options_(std::move(options)),
      on_event_(std::move(on_event)),
      loop_(options_.idle_poll,
            [this] {
              auto ran = RunOnce();
              if (!ran) {
                logger_.Warn("claim_failed", {{"cause", ran.error().message()}});
                return false;
              }
              return *ran;
            }),
      lease_keeper_(options_.lease / 3, [this] { return RenewLeases(); }) {}

void OperationRunner::Start() {
  loop_.Start(options_.workers);
  lease_keeper_.Start();
}

void OperationRunner::Stop() {
  loop_.Stop();
  lease_keeper_.Stop();
}

bool OperationRunner::RenewLeases() {
  std::vector<Lease> leases;
  {
    std::lock_guard lock(in_flight_mutex_);
    for (const auto& [id, lease] : in_flight_) leases.push_back(lease);
  }
  if (leases.empty()) return false;
  auto renewed = context_.database.Write([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    for (const auto& lease : leases) {
      GPUAAS_ASSIGN_OR_RETURN(
          const bool held,
          OperationRepository::RenewLease(session, lease, MicrosSinceEpoch(now) + Micros(options_.lease), now));
      (void)held;  // a lease already lost is noticed by the step's fenced commit
    }
    return Ok();
  });
  if (!renewed) logger_.Warn("lease_renewal_failed", {{"cause", renewed.error().message()}});
  return false;
}

double OperationRunner::Jitter() {
  std::lock_guard lock(random_mutex_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(random_);
}

Result<bool> OperationRunner::RunOnce() {
  std::vector<OperationRepository::Claimed> claimed;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    GPUAAS_ASSIGN_OR_RETURN(
        claimed, OperationRepository::ClaimDue(session, MicrosSinceEpoch(now), Micros(options_.lease), options_.owner,
                                               options_.claim_batch));
    for (const auto& [op, previous] : claimed) {
      const auto message = previous
                               ? "taken over by " + *op.lease_owner + " after the lease of " + *previous + " expired"
                               : "claimed by " + *op.lease_owner;
      GPUAAS_RETURN_IF_ERROR(OperationRepository::AppendEvent(
          session, {op.id, 0, now, previous ? "taken_over" : "claimed", op.stage, op.attempt, message}));
    }
    return Ok();
  }));
  // Every claimed operation is in flight (its lease renewed) until it has run, including the
  // ones of the batch still waiting their turn.
  {
    std::lock_guard lock(in_flight_mutex_);
    for (const auto& one : claimed)
      in_flight_[one.record.id] = Lease{one.record.id, one.record.lease_owner.value_or("")};
  }
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    const auto& one = claimed[i];
    Execute(one, /*fresh=*/i == 0);
    std::lock_guard lock(in_flight_mutex_);
    in_flight_.erase(one.record.id);
  }
  return !claimed.empty();
}

void OperationRunner::Execute(const OperationRepository::Claimed& claimed, bool fresh) {
  const auto& op = claimed.record;
  const Lease lease{op.id, op.lease_owner.value_or("")};
  const auto* kind = registry_.FindKind(op.kind);
  StepContext context;
  context.operation_id = op.id;
  context.kind = op.kind;
  context.target_type = op.target_type;
  context.target_id = op.target_id;
  context.target_name = op.target_name;
  context.project_id = op.project_id;
  context.tenant_id = op.tenant_id;
  context.requester = RequesterOf(op);
  if (kind == nullptr) {
    (void)Fail(lease, op, nullptr, context, Error::FailedPrecondition("this server does not know kind " + op.kind));
    return;
  }
  std::error_code parse_error;
  const auto parsed = boost::json::parse(op.params, parse_error);
  if (!parse_error && parsed.is_object()) context.params = parsed.as_object();
  const auto steps = StepsOf(*kind, context.params);

  auto attempt = static_cast<int>(op.attempt);
  for (auto index = op.step_index; index < static_cast<std::int64_t>(steps.size()); ++index) {
    const auto& step = steps[static_cast<std::size_t>(index)];
    context.step_index = static_cast<int>(index);
    context.attempt = attempt;
    // The first step run right after the claim knows the cancel flag from the claim itself.
    if (kind->cancellable && !(fresh && index == op.step_index)) {
      bool cancel = op.cancel_requested;
      (void)context_.database.Read([&](store::Session& session) -> Status {
        GPUAAS_ASSIGN_OR_RETURN(const auto current, OperationRepository::FindById(session, op.id));
        cancel = current && current->cancel_requested;
        return Ok();
      });
      if (cancel) {
        if (auto cancelled = Cancel(lease, op, *kind, context); !cancelled) {
          logger_.Warn("cancel_failed", {{"operation_id", op.id}, {"cause", cancelled.error().message()}});
        }
        return;
      }
    }
    Status outcome = step.act ? step.act(context) : Ok();
    if (outcome) {
      const bool last = index + 1 == static_cast<std::int64_t>(steps.size());
      outcome = context_.database.Write([&](store::Session& session) -> Status {
        const auto now = context_.clock.Now();
        context.now = now;
        if (step.commit) GPUAAS_RETURN_IF_ERROR(step.commit(session, context));
        bool fenced = false;
        if (last) {
          GPUAAS_ASSIGN_OR_RETURN(
              fenced,
              OperationRepository::Finish(session, lease, op.id,
                                          {"succeeded", "done", boost::json::serialize(context.result), {}, {}}, now));
        } else {
          GPUAAS_ASSIGN_OR_RETURN(
              fenced, OperationRepository::AdvanceStep(session, lease, index + 1,
                                                       steps[static_cast<std::size_t>(index + 1)].name,
                                                       MicrosSinceEpoch(now) + Micros(options_.lease), now));
        }
        if (!fenced) return LeaseLost(lease);
        GPUAAS_RETURN_IF_ERROR(OperationRepository::AppendEvent(
            session, {op.id, 0, now, "step_succeeded", step.name, attempt, step.title + ": done"}));
        if (last) {
          GPUAAS_RETURN_IF_ERROR(
              OperationRepository::AppendEvent(session, {op.id, 0, now, "succeeded", "done", attempt, "succeeded"}));
          GPUAAS_RETURN_IF_ERROR(Emit(session, op, kind, "operation.succeeded", ""));
        }
        return Ok();
      });
      if (outcome) {
        attempt = 1;
        if (last && on_event_) on_event_();
        continue;
      }
    }
    const auto& error = outcome.error();
    if (error.code() == ErrorCode::kConflict && error.message().rfind("lease ", 0) == 0) {
      logger_.Warn("lease_lost", {{"operation_id", op.id}, {"owner", lease.owner}, {"step", step.name}});
      return;
    }
    const auto handled = IsTransient(error) && attempt < op.max_attempts ? Retry(lease, op, step, attempt, error)
                                                                         : Fail(lease, op, kind, context, error);
    if (!handled)
      logger_.Warn("operation_update_failed", {{"operation_id", op.id}, {"cause", handled.error().message()}});
    return;
  }
}

Status OperationRunner::Retry(const Lease& lease, const OperationRecord& op, const Step& step, int attempt,
                              const Error& error) {
  const auto delay = RetryDelay(attempt, options_.retry_base, options_.retry_cap, Jitter());
  return context_.database.Write([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    GPUAAS_ASSIGN_OR_RETURN(
        const bool fenced,
        OperationRepository::ScheduleRetry(session, lease, attempt + 1, MicrosSinceEpoch(now) + Micros(delay), now));
    if (!fenced) return LeaseLost(lease);
    return OperationRepository::AppendEvent(
        session, {op.id, 0, now, "step_retry", step.name, attempt,
                  "attempt " + std::to_string(attempt) + " of " + std::to_string(op.max_attempts) +
                      " failed: " + error.message() + "; next attempt in " + std::to_string(delay.count()) + " ms"});
  });
}

Status OperationRunner::Fail(const Lease& lease, const OperationRecord& op, const OperationKind* kind,
                             StepContext& context, const Error& error) {
  auto failed = context_.database.Write([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    context.now = now;
    context.failure = error.message();
    if (kind != nullptr && kind->compensate) GPUAAS_RETURN_IF_ERROR(kind->compensate(session, context));
    GPUAAS_ASSIGN_OR_RETURN(
        const bool fenced,
        OperationRepository::Finish(session, lease, op.id,
                                    {"failed", op.stage, {}, std::string(ErrorCodeName(error.code())), error.message()},
                                    now));
    if (!fenced) return LeaseLost(lease);
    GPUAAS_RETURN_IF_ERROR(OperationRepository::AppendEvent(
        session, {op.id, 0, now, "failed", op.stage, context.attempt, "failed: " + error.message()}));
    return Emit(session, op, kind, "operation.failed", error.message());
  });
  if (failed && on_event_) on_event_();
  return failed;
}

Status OperationRunner::Cancel(const Lease& lease, const OperationRecord& op, const OperationKind& kind,
                               StepContext& context) {
  auto cancelled = context_.database.Write([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    context.now = now;
    if (kind.compensate) GPUAAS_RETURN_IF_ERROR(kind.compensate(session, context));
    GPUAAS_ASSIGN_OR_RETURN(
        const bool fenced, OperationRepository::Finish(
                               session, lease, op.id, {"cancelled", "cancelled", {}, {}, "cancelled on request"}, now));
    if (!fenced) return LeaseLost(lease);
    GPUAAS_RETURN_IF_ERROR(
        OperationRepository::AppendEvent(session, {op.id, 0, now, "cancelled", "cancelled", context.attempt,
                                                   "cancelled before step " + std::to_string(context.step_index + 1)}));
    return Emit(session, op, &kind, "operation.cancelled", "");
  });
  if (cancelled && on_event_) on_event_();
  return cancelled;
}

Status OperationRunner::Emit(store::Session& session, const OperationRecord& op, const OperationKind* kind,
                             std::string_view type, const std::string& error_message) {
  boost::json::object payload{{"operation_id", op.id},
                              {"kind", op.kind},
                              {"title", kind != nullptr ? kind->title : op.kind},
                              {"target_name", op.target_name},
                              {"requester_id", op.requester_id},
                              {"requester_type", op.requester_type}};
  if (!error_message.empty()) payload["error"] = error_message;
  GPUAAS_RETURN_IF_ERROR(EmitEvent(session, context_.clock, context_.ids,
                                   {std::string(type), op.target_type, op.target_id, op.project_id, op.tenant_id,
                                    op.requester_label, std::move(payload)}));
  return Ok();
}

}  // namespace gpuaas::services
