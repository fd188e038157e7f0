#include "services/operations/operation_service.hpp"

#include <boost/json.hpp>

#include "services/access/authorizer.hpp"
#include "services/platform/outbox.hpp"

namespace gpuaas::services {

using repositories::OperationEventRecord;
using repositories::OperationRecord;
using repositories::OperationRepository;

namespace {

std::string_view RequesterType(const Principal& principal) {
  switch (principal.kind) {
    case PrincipalKind::kServiceAccount: return "service_account";
    case PrincipalKind::kSystem: return "system";
    default: return "user";
  }
}

Status CheckPreconditions(const std::vector<PreconditionResult>& results) {
  std::string ids;
  std::string reasons;
  for (const auto& result : results) {
    if (result.met) continue;
    ids += (ids.empty() ? "" : ",") + result.id;
    reasons += (reasons.empty() ? "" : "; ") + result.reason;
  }
  if (ids.empty()) return Ok();
  return Error::FailedPrecondition("unmet preconditions: " + reasons).WithDetail("unmet", ids);
}

}  // namespace

bool CatalogEntry::available() const {
  if (!permitted) return false;
  for (const auto& result : preconditions) {
    if (!result.met) return false;
  }
  return true;
}

Caller RequesterOf(const OperationRecord& op) {
  Caller caller;
  caller.principal.kind = op.requester_type == "service_account" ? PrincipalKind::kServiceAccount
                          : op.requester_type == "system"        ? PrincipalKind::kSystem
                                                                 : PrincipalKind::kUser;
  caller.principal.id = op.requester_id;
  caller.principal.label = op.requester_label;
  caller.request_id = op.request_id;
  caller.client_ip = "operation-runner";
  return caller;
}

Result<OperationCatalog> OperationService::Catalogue(const Caller& caller, std::string_view target_type,
                                                     std::string_view target_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  OperationCatalog catalog;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(catalog.target, registry_.Resolve(session, caller, target_type, target_id));
    return Ok();
  }));
  for (const auto* kind : registry_.KindsFor(target_type)) {
    CatalogEntry entry;
    entry.kind = kind;
    entry.preconditions = EvaluatePreconditions(*kind, catalog.target, caller);
    if (auto permitted = kind->permission ? kind->permission(catalog.target, caller) : Ok(); !permitted) {
      entry.permitted = false;
      entry.not_permitted_reason = permitted.error().message();
    }
    catalog.operations.push_back(std::move(entry));
  }
  return catalog;
}

Result<OperationView> OperationService::Start(const Caller& caller, const StartOperationInput& input) {
  auto started = [&]() -> Result<OperationView> {
    GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
    OperationView view;
    GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(view, StartIn(session, caller, input));
      return Ok();
    }));
    return view;
  }();
  if (!started) {
    AuditRefusal(caller, input, started.error());
    return started;
  }
  if (on_change_) on_change_();
  return started;
}

Result<OperationView> OperationService::StartIn(store::Session& session, const Caller& caller,
                                                const StartOperationInput& input) {
  const auto* kind = registry_.FindKind(input.kind);
  if (kind == nullptr) {
    return Error::InvalidArgument("kind", "unknown operation kind '" + input.kind.substr(0, 64) + "'");
  }
  if (input.target_type != kind->target_type) {
    return Error::InvalidArgument("target.type", input.kind + " acts on a " + kind->target_type + ", not on a " +
                                                     input.target_type.substr(0, 64));
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto target, registry_.Resolve(session, caller, input.target_type, input.target_id));
  if (kind->permission) GPUAAS_RETURN_IF_ERROR(kind->permission(target, caller));
  boost::json::object params;
  if (kind->params) {
    GPUAAS_ASSIGN_OR_RETURN(params, kind->params(input.params));
  } else if (!input.params.empty()) {
    return Error::InvalidArgument("params", input.kind + " takes no parameters");
  }
  GPUAAS_RETURN_IF_ERROR(CheckPreconditions(EvaluatePreconditions(*kind, target, caller)));
  GPUAAS_RETURN_IF_ERROR(CheckConfirmation(*kind, target, input.confirmation));
  if (kind->exclusive) {
    repositories::OperationFilter running;
    running.target_type = target.type;
    running.target_id = target.id;
    running.kind = kind->name;
    running.limit = 20;
    GPUAAS_ASSIGN_OR_RETURN(const auto recent, OperationRepository::List(session, running));
    for (const auto& op : recent) {
      if (op.state == "queued" || op.state == "running") {
        return Error::Conflict(op.id + " is already running " + kind->name + " on this " + target.type)
            .WithDetail("operation_id", op.id);
      }
    }
  }

  const auto steps = StepsOf(*kind, params);
  const auto now = context_.clock.Now();
  OperationRecord op;
  op.id = context_.ids.Next("op");
  op.kind = kind->name;
  op.target_type = target.type;
  op.target_id = target.id;
  op.target_name = target.name;
  op.project_id = target.project_id;
  op.tenant_id = target.tenant_id;
  op.params = boost::json::serialize(params);
  op.requester_type = std::string(RequesterType(caller.principal));
  op.requester_id = caller.principal.id;
  op.requester_label = caller.principal.label;
  op.request_id = caller.request_id;
  op.state = "queued";
  op.stage = steps.empty() ? "done" : steps.front().name;
  op.step_index = 0;
  op.step_count = static_cast<std::int64_t>(steps.size());
  op.attempt = 1;
  op.max_attempts = kind->max_attempts;
  op.next_run_us = MicrosSinceEpoch(now);
  op.created_at = now;
  op.updated_at = now;
  GPUAAS_RETURN_IF_ERROR(OperationRepository::Insert(session, op));
  GPUAAS_RETURN_IF_ERROR(OperationRepository::AppendEvent(
      session, {op.id, 0, now, "created", op.stage, 1, "requested by " + caller.principal.label}));
  // The view first: the audit and outbox appends take the evidence lock, held until commit,
  // so they come last to keep that window short.
  GPUAAS_ASSIGN_OR_RETURN(auto view, ViewOf(session, op));
  GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                               {"operation.start",
                                                target.type,
                                                target.id,
                                                target.project_id,
                                                target.tenant_id,
                                                "allowed",
                                                {{"operation_id", op.id}, {"kind", kind->name}}}));
  GPUAAS_RETURN_IF_ERROR(EmitEvent(session, context_.clock, context_.ids,
                                   {"operation.created",
                                    target.type,
                                    target.id,
                                    target.project_id,
                                    target.tenant_id,
                                    caller.principal.label,
                                    {{"operation_id", op.id}, {"kind", kind->name}, {"title", kind->title}}}));
  return view;
}

void OperationService::AuditRefusal(const Caller& caller, const StartOperationInput& input, const Error& error) {
  if (error.code() == ErrorCode::kRateLimited) return;
  AuditEntry entry;
  entry.action = "operation.start";
  entry.target_type = input.target_type.substr(0, 64);
  entry.target_id = input.target_id.substr(0, 128);
  entry.outcome = error.is_denial() ? "denied" : "failed";
  entry.metadata = {{"kind", input.kind.substr(0, 64)},
                    {"code", std::string(ErrorCodeName(error.code()))},
                    {"message", error.message().substr(0, 300)}};
  (void)context_.audit.AppendNow(caller, entry);
}

Result<OperationRecord> OperationService::LoadVisible(store::Session& session, const Caller& caller,
                                                      std::string_view id) {
  GPUAAS_ASSIGN_OR_RETURN(auto op, OperationRepository::FindById(session, id));
  const auto hidden = Error::HiddenNotFound("operation " + std::string(id) + " not found");
  if (!op) return hidden;
  if (caller.principal.platform_admin || op->requester_id == caller.principal.id) return std::move(*op);
  if (!registry_.Resolve(session, caller, op->target_type, op->target_id)) return hidden;
  return std::move(*op);
}

Result<OperationView> OperationService::ViewOf(store::Session& session, OperationRecord op) {
  OperationView view;
  view.kind = registry_.FindKind(op.kind);
  GPUAAS_ASSIGN_OR_RETURN(view.timeline, OperationRepository::Events(session, op.id));
  if (view.kind != nullptr) {
    const auto params = boost::json::parse(op.params).as_object();
    const auto steps = StepsOf(*view.kind, params);
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const auto index = static_cast<std::int64_t>(i);
      std::string state = "pending";
      if (op.state == "succeeded" || index < op.step_index) {
        state = "done";
      } else if (index == op.step_index) {
        state = op.state == "running" ? "running" : op.state == "failed" ? "failed" : "pending";
      } else if (op.state == "failed" || op.state == "cancelled") {
        state = "skipped";
      }
      view.steps.push_back({steps[i].name, steps[i].title, state});
    }
  }
  if (const auto* resolver = registry_.FindTarget(op.target_type); resolver != nullptr) {
    Caller system;
    system.principal.kind = PrincipalKind::kSystem;
    system.principal.platform_admin = true;
    if (auto target = (*resolver)(session, system, op.target_id)) view.target_link = target->link;
  }
  view.operation = std::move(op);
  return view;
}

Result<OperationView> OperationService::Get(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  OperationView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto op, LoadVisible(session, caller, id));
    GPUAAS_ASSIGN_OR_RETURN(view, ViewOf(session, std::move(op)));
    return Ok();
  }));
  return view;
}

Result<OperationPage> OperationService::List(const Caller& caller, const OperationListQuery& query) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  if (query.limit < 1 || query.limit > 200) return Error::InvalidArgument("limit", "must be between 1 and 200");
  static constexpr std::string_view kStates[] = {"queued", "running", "succeeded", "failed", "cancelled"};
  if (query.state && std::find(std::begin(kStates), std::end(kStates), *query.state) == std::end(kStates)) {
    return Error::InvalidArgument("state", "must be one of queued, running, succeeded, failed, cancelled");
  }
  if (query.target_id && !query.target_type) {
    return Error::InvalidArgument("target_type", "is required with target_id");
  }
  OperationPage page;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    repositories::OperationFilter filter;
    filter.target_type = query.target_type;
    filter.target_id = query.target_id;
    filter.kind = query.kind;
    filter.state = query.state;
    filter.requester_id = query.requester_id;
    filter.before_id = query.cursor;
    filter.limit = query.limit + 1;
    // Everyone sees what they started; whoever can see a target sees all of its operations.
    bool sees_target = false;
    if (query.target_type && query.target_id) {
      sees_target = static_cast<bool>(registry_.Resolve(session, caller, *query.target_type, *query.target_id));
    }
    if (!caller.principal.platform_admin && !sees_target) filter.visible_to = caller.principal.id;
    GPUAAS_ASSIGN_OR_RETURN(page.operations, OperationRepository::List(session, filter));
    return Ok();
  }));
  if (static_cast<int>(page.operations.size()) > query.limit) {
    page.operations.pop_back();
    page.next_cursor = page.operations.back().id;
  }
  return page;
}

Status OperationService::RequireControl(store::Session& session, const Caller& caller, const OperationRecord& op) {
  if (!caller.principal.can_write) return Error::PermissionDenied("this token is read-only");
  const auto* kind = registry_.FindKind(op.kind);
  if (kind == nullptr) return Error::FailedPrecondition("this server does not know operation kind " + op.kind);
  if (caller.principal.platform_admin) return Ok();
  GPUAAS_ASSIGN_OR_RETURN(const auto target, registry_.Resolve(session, caller, op.target_type, op.target_id));
  if (kind->permission) GPUAAS_RETURN_IF_ERROR(kind->permission(target, caller));
  return Ok();
}

Result<OperationView> OperationService::Control(const Caller& caller, std::string_view id, std::string_view action) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  OperationView view;
  auto done = context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto op, LoadVisible(session, caller, id));
    GPUAAS_RETURN_IF_ERROR(RequireControl(session, caller, op));
    const auto now = context_.clock.Now();
    std::string message;
    if (action == "operation.cancel") {
      const auto* kind = registry_.FindKind(op.kind);
      if (!kind->cancellable) return Error::FailedPrecondition(op.kind + " cannot be cancelled once started");
      if (op.state != "queued" && op.state != "running") {
        return Error::FailedPrecondition("the operation is already " + op.state);
      }
      // A queued operation no runner holds ends here; a running one stops before its next step.
      GPUAAS_ASSIGN_OR_RETURN(const bool ended,
                              OperationRepository::Finish(
                                  session, std::nullopt, op.id,
                                  {"cancelled", "cancelled", {}, {}, "cancelled by " + caller.principal.label}, now));
      if (ended) {
        message = "cancelled by " + caller.principal.label + " before it started";
        GPUAAS_RETURN_IF_ERROR(EmitEvent(session, context_.clock, context_.ids,
                                         {"operation.cancelled",
                                          op.target_type,
                                          op.target_id,
                                          op.project_id,
                                          op.tenant_id,
                                          caller.principal.label,
                                          {{"operation_id", op.id},
                                           {"kind", op.kind},
                                           {"title", kind->title},
                                           {"target_name", op.target_name},
                                           {"requester_id", op.requester_id},
                                           {"requester_type", op.requester_type}}}));
      } else {
        GPUAAS_RETURN_IF_ERROR(OperationRepository::RequestCancel(session, op.id, now));
        message = "cancel requested by " + caller.principal.label;
      }
      GPUAAS_RETURN_IF_ERROR(OperationRepository::AppendEvent(
          session, {op.id, 0, now, ended ? "cancelled" : "cancel_requested", op.stage, op.attempt, message}));
    } else {
      if (op.state != "failed") {
        return Error::FailedPrecondition("only a failed operation can be retried; this one is " + op.state);
      }
      GPUAAS_RETURN_IF_ERROR(OperationRepository::Requeue(session, op.id, MicrosSinceEpoch(now), now));
      GPUAAS_RETURN_IF_ERROR(OperationRepository::AppendEvent(
          session, {op.id, 0, now, "retry_requested", op.stage, 1,
                    "retried by " + caller.principal.label + " from step " + op.stage}));
    }
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {std::string(action),
                                                  op.target_type,
                                                  op.target_id,
                                                  op.project_id,
                                                  op.tenant_id,
                                                  "allowed",
                                                  {{"operation_id", op.id}, {"kind", op.kind}}}));
    GPUAAS_ASSIGN_OR_RETURN(auto reloaded, OperationRepository::FindById(session, op.id));
    GPUAAS_ASSIGN_OR_RETURN(view, ViewOf(session, std::move(*reloaded)));
    return Ok();
  });
  if (!done) return done.TakeError();  // the audit middleware records the refusal
  if (on_change_) on_change_();
  return view;
}

Result<OperationView> OperationService::Cancel(const Caller& caller, std::string_view id) {
  return Control(caller, id, "operation.cancel");
}

Result<OperationView> OperationService::Retry(const Caller& caller, std::string_view id) {
  return Control(caller, id, "operation.retry");
}

}  // namespace gpuaas::services
