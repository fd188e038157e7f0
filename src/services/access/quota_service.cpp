#include "services/access/quota_service.hpp"

#include <string>

#include "repositories/access/tenancy_repository.hpp"
#include "repositories/access/user_repository.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::services {

using repositories::QuotaRepository;
using repositories::QuotaRuleRecord;
using repositories::TenancyRepository;
using repositories::UserRepository;

namespace {

constexpr std::string_view kPlatform = "platform";
constexpr std::string_view kProject = "project";
constexpr std::string_view kUser = "user";

Status ValidateLimit(const std::optional<std::int64_t>& limit, std::string_view field) {
  if (limit && (*limit < 0 || *limit > QuotaService::kMaxLimit)) {
    return Error::InvalidArgument(
        std::string(field),
        "must be between 0 and " + std::to_string(QuotaService::kMaxLimit) + ", or null for unlimited");
  }
  return Ok();
}

Status ValidateLimits(const std::optional<std::int64_t>& max_gpus, const std::optional<std::int64_t>& max_workloads) {
  GPUAAS_RETURN_IF_ERROR(ValidateLimit(max_gpus, "max_gpus"));
  return ValidateLimit(max_workloads, "max_workloads");
}

std::string LimitText(const std::optional<std::int64_t>& limit) {
  return limit ? std::to_string(*limit) : std::string("unlimited");
}

// Lowers `effective` to `limit` when that is at least as tight; later (more specific) rules
// therefore win ties.
void Tighten(EffectiveLimit& effective, const std::optional<std::int64_t>& limit, std::string_view source) {
  if (!limit) return;
  if (!effective.limit || *limit <= *effective.limit) effective = EffectiveLimit{limit, std::string(source)};
}

void Apply(EffectiveQuota& quota, const std::optional<QuotaRuleRecord>& rule, std::string_view source) {
  if (!rule) return;
  Tighten(quota.gpus, rule->max_gpus, source);
  Tighten(quota.workloads, rule->max_workloads, source);
}

ResourceHeadroom HeadroomOf(std::string_view resource, const EffectiveLimit& effective) {
  // Usage is not counted until compute workloads exist; 0 here is flagged by usage_state.
  constexpr std::int64_t kUsed = 0;
  ResourceHeadroom headroom{std::string(resource), kUsed, effective.limit, std::nullopt, effective.source};
  if (effective.limit) headroom.headroom = *effective.limit - kUsed;
  return headroom;
}

}  // namespace

Result<QuotaPolicyView> QuotaService::Policy(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  QuotaPolicyView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(view.platform, QuotaRepository::Find(session, kPlatform, ""));
    GPUAAS_ASSIGN_OR_RETURN(view.overrides, QuotaRepository::ListOverrides(session));
    return Ok();
  }));
  return view;
}

Result<QuotaRuleRecord> QuotaService::Set(store::Session& session, const Caller& caller, const Target& target,
                                          std::optional<std::int64_t> max_gpus,
                                          std::optional<std::int64_t> max_workloads, std::string_view action) {
  QuotaRuleRecord rule{target.scope,  target.scope_id,      max_gpus,
                       max_workloads, context_.clock.Now(), caller.principal.id};
  GPUAAS_RETURN_IF_ERROR(QuotaRepository::Upsert(session, rule));
  GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
      session, caller,
      {std::string(action),
       "quota",
       target.scope_id.empty() ? std::string(kPlatform) : target.scope_id,
       target.project_id,
       target.tenant_id,
       "allowed",
       {{"scope", target.scope}, {"max_gpus", LimitText(max_gpus)}, {"max_workloads", LimitText(max_workloads)}}}));
  return rule;
}

Status QuotaService::Clear(store::Session& session, const Caller& caller, const Target& target,
                           std::string_view action) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rule, QuotaRepository::Find(session, target.scope, target.scope_id));
  if (!rule) return Error::NotFound(target.scope + " " + target.scope_id + " has no quota override");
  GPUAAS_RETURN_IF_ERROR(QuotaRepository::Delete(session, target.scope, target.scope_id));
  GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                               {std::string(action),
                                                "quota",
                                                target.scope_id,
                                                target.project_id,
                                                target.tenant_id,
                                                "allowed",
                                                {{"scope", target.scope},
                                                 {"removed_max_gpus", LimitText(rule->max_gpus)},
                                                 {"removed_max_workloads", LimitText(rule->max_workloads)}}}));
  return Ok();
}

Result<QuotaRuleRecord> QuotaService::SetPlatform(const Caller& caller, std::optional<std::int64_t> max_gpus,
                                                  std::optional<std::int64_t> max_workloads) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  GPUAAS_RETURN_IF_ERROR(ValidateLimits(max_gpus, max_workloads));
  QuotaRuleRecord rule;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(rule, Set(session, caller, Target{std::string(kPlatform), "", {}, {}}, max_gpus,
                                      max_workloads, "quota.set_platform"));
    return Ok();
  }));
  return rule;
}

Result<QuotaRuleRecord> QuotaService::SetProject(const Caller& caller, std::string_view project_id,
                                                 std::optional<std::int64_t> max_gpus,
                                                 std::optional<std::int64_t> max_workloads) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  GPUAAS_RETURN_IF_ERROR(ValidateLimits(max_gpus, max_workloads));
  QuotaRuleRecord rule;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto project, TenancyRepository::FindProject(session, project_id));
    if (!project) return Error::NotFound("project " + std::string(project_id) + " not found");
    GPUAAS_ASSIGN_OR_RETURN(
        rule, Set(session, caller, Target{std::string(kProject), project->id, project->id, project->tenant_id},
                  max_gpus, max_workloads, "quota.set_project"));
    return Ok();
  }));
  return rule;
}

Status QuotaService::ClearProject(const Caller& caller, std::string_view project_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto project, TenancyRepository::FindProject(session, project_id));
    Target target{std::string(kProject), std::string(project_id), std::string(project_id), std::nullopt};
    if (project) target.tenant_id = project->tenant_id;
    return Clear(session, caller, target, "quota.clear_project");
  });
}

Result<QuotaRuleRecord> QuotaService::SetUser(const Caller& caller, std::string_view user_id,
                                              std::optional<std::int64_t> max_gpus,
                                              std::optional<std::int64_t> max_workloads) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  GPUAAS_RETURN_IF_ERROR(ValidateLimits(max_gpus, max_workloads));
  QuotaRuleRecord rule;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto user, UserRepository::FindById(session, user_id));
    if (!user) return Error::NotFound("user " + std::string(user_id) + " not found");
    GPUAAS_ASSIGN_OR_RETURN(rule, Set(session, caller, Target{std::string(kUser), user->id, {}, {}}, max_gpus,
                                      max_workloads, "quota.set_user"));
    return Ok();
  }));
  return rule;
}

Status QuotaService::ClearUser(const Caller& caller, std::string_view user_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  return context_.database.Write([&](store::Session& session) -> Status {
    return Clear(session, caller, Target{std::string(kUser), std::string(user_id), {}, {}}, "quota.clear_user");
  });
}

Result<EffectiveQuota> QuotaService::Resolve(store::Session& session, std::string_view project_id,
                                             std::optional<std::string_view> user_id) {
  EffectiveQuota quota;
  GPUAAS_ASSIGN_OR_RETURN(const auto platform, QuotaRepository::Find(session, kPlatform, ""));
  Apply(quota, platform, "platform_default");
  GPUAAS_ASSIGN_OR_RETURN(const auto project, QuotaRepository::Find(session, kProject, project_id));
  Apply(quota, project, "project_override");
  if (user_id) {
    GPUAAS_ASSIGN_OR_RETURN(const auto user, QuotaRepository::Find(session, kUser, *user_id));
    Apply(quota, user, "user_override");
  }
  return quota;
}

Result<HeadroomView> QuotaService::Headroom(const Caller& caller, std::string_view project_id) {
  HeadroomView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kViewer));
    std::optional<std::string_view> user_id;
    if (caller.principal.is_user()) user_id = caller.principal.id;
    GPUAAS_ASSIGN_OR_RETURN(const auto quota, Resolve(session, access.project.id, user_id));
    view.project_id = access.project.id;
    view.usage_state = "not_available";
    view.usage_reason = "usage is counted once compute workloads exist";
    view.resources = {HeadroomOf("gpus", quota.gpus), HeadroomOf("workloads", quota.workloads)};
    return Ok();
  }));
  return view;
}

}  // namespace gpuaas::services
