#include "services/access/authorizer.hpp"

#include <string>

namespace gpuaas::services {

using repositories::TenancyRepository;

Status Authorizer::RequireSignedIn(const Caller& caller) {
  if (!caller.principal.signed_in()) return Error::Unauthenticated("sign in or send a bearer token");
  return Ok();
}

Status Authorizer::RequireUser(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(RequireSignedIn(caller));
  if (!caller.principal.is_user()) return Error::PermissionDenied("service accounts cannot use this endpoint");
  return Ok();
}

Status Authorizer::RequirePlatformAdmin(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(RequireSignedIn(caller));
  if (!caller.principal.platform_admin) return Error::PermissionDenied("requires the platform admin role");
  return Ok();
}

std::optional<TenantRole> Authorizer::EffectiveTenantRole(const Principal& principal,
                                                          std::optional<TenantRole> membership) {
  if (!principal.is_user()) return std::nullopt;
  if (principal.platform_admin) return TenantRole::kOwner;
  return membership;
}

std::optional<ProjectRole> Authorizer::EffectiveProjectRole(const Principal& principal,
                                                            std::optional<ProjectRole> direct,
                                                            std::optional<TenantRole> in_tenant) {
  if (!principal.is_user()) return std::nullopt;
  if (principal.platform_admin) return ProjectRole::kAdmin;
  if (in_tenant && *in_tenant >= TenantRole::kAdmin) return ProjectRole::kAdmin;
  return direct;
}

Result<std::optional<TenantRole>> Authorizer::TenantRoleOf(store::Session& session, const Caller& caller,
                                                           std::string_view tenant_id) {
  if (!caller.principal.is_user() || caller.principal.platform_admin) {
    return EffectiveTenantRole(caller.principal, std::nullopt);
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto member, TenancyRepository::FindMember(session, TenancyRepository::Scope::kTenant,
                                                                           tenant_id, caller.principal.id));
  return EffectiveTenantRole(caller.principal, member ? ParseTenantRole(member->role) : std::nullopt);
}

Result<Authorizer::TenantAccess> Authorizer::RequireTenant(store::Session& session, const Caller& caller,
                                                           std::string_view tenant_id, TenantRole needed) {
  GPUAAS_RETURN_IF_ERROR(RequireSignedIn(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto tenant, TenancyRepository::FindTenant(session, tenant_id));
  GPUAAS_ASSIGN_OR_RETURN(const auto role, TenantRoleOf(session, caller, tenant_id));
  if (!tenant || !role) return Error::HiddenNotFound("tenant " + std::string(tenant_id) + " not found");
  if (*role < needed) {
    return Error::PermissionDenied("requires the tenant role " + std::string(RoleName(needed)) + " or higher");
  }
  return TenantAccess{*tenant, *role};
}

Result<std::optional<ProjectRole>> Authorizer::ProjectRoleOf(store::Session& session, const Caller& caller,
                                                             const repositories::ProjectRecord& project) {
  const auto& principal = caller.principal;
  if (principal.kind == PrincipalKind::kServiceAccount) {
    if (principal.project_id == project.id) return std::optional<ProjectRole>(principal.project_role);
    return std::optional<ProjectRole>();
  }
  if (!principal.is_user() || principal.platform_admin) {
    return EffectiveProjectRole(principal, std::nullopt, std::nullopt);
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto tenant_role, TenantRoleOf(session, caller, project.tenant_id));
  GPUAAS_ASSIGN_OR_RETURN(const auto member, TenancyRepository::FindMember(session, TenancyRepository::Scope::kProject,
                                                                           project.id, principal.id));
  return EffectiveProjectRole(principal, member ? ParseProjectRole(member->role) : std::nullopt, tenant_role);
}

Result<Authorizer::ProjectAccess> Authorizer::RequireProject(store::Session& session, const Caller& caller,
                                                             std::string_view project_id, ProjectRole needed) {
  GPUAAS_RETURN_IF_ERROR(RequireSignedIn(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto project, TenancyRepository::FindProject(session, project_id));
  if (!project) return Error::HiddenNotFound("project " + std::string(project_id) + " not found");
  GPUAAS_ASSIGN_OR_RETURN(const auto role, ProjectRoleOf(session, caller, *project));
  if (!role) return Error::HiddenNotFound("project " + std::string(project_id) + " not found");
  if (*role < needed) {
    return Error::PermissionDenied("requires the project role " + std::string(RoleName(needed)) + " or higher");
  }
  return ProjectAccess{*project, *role};
}

}  // namespace gpuaas::services
