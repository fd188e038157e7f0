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

Result<std::optional<TenantRole>> Authorizer::TenantRoleOf(store::Session& session, const Caller& caller,
                                                           std::string_view tenant_id) {
  if (!caller.principal.is_user()) return std::optional<TenantRole>();
  if (caller.principal.platform_admin) return std::optional<TenantRole>(TenantRole::kOwner);
  GPUAAS_ASSIGN_OR_RETURN(const auto member, TenancyRepository::FindMember(session, TenancyRepository::Scope::kTenant,
                                                                           tenant_id, caller.principal.id));
  if (!member) return std::optional<TenantRole>();
  return ParseTenantRole(member->role);
}

Result<repositories::TenantRecord> Authorizer::RequireTenant(store::Session& session, const Caller& caller,
                                                             std::string_view tenant_id, TenantRole needed) {
  GPUAAS_RETURN_IF_ERROR(RequireSignedIn(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto tenant, TenancyRepository::FindTenant(session, tenant_id));
  GPUAAS_ASSIGN_OR_RETURN(const auto role, TenantRoleOf(session, caller, tenant_id));
  if (!tenant || !role) return Error::HiddenNotFound("tenant " + std::string(tenant_id) + " not found");
  if (*role < needed) {
    return Error::PermissionDenied("requires the tenant role " + std::string(RoleName(needed)) + " or higher");
  }
  return *tenant;
}

Result<std::optional<ProjectRole>> Authorizer::ProjectRoleOf(store::Session& session, const Caller& caller,
                                                             const repositories::ProjectRecord& project) {
  const auto& principal = caller.principal;
  if (principal.kind == PrincipalKind::kServiceAccount) {
    if (principal.project_id == project.id) return std::optional<ProjectRole>(principal.project_role);
    return std::optional<ProjectRole>();
  }
  if (!principal.is_user()) return std::optional<ProjectRole>();
  if (principal.platform_admin) return std::optional<ProjectRole>(ProjectRole::kAdmin);
  GPUAAS_ASSIGN_OR_RETURN(const auto tenant_role, TenantRoleOf(session, caller, project.tenant_id));
  if (tenant_role && *tenant_role >= TenantRole::kAdmin) return std::optional<ProjectRole>(ProjectRole::kAdmin);
  GPUAAS_ASSIGN_OR_RETURN(const auto member, TenancyRepository::FindMember(session, TenancyRepository::Scope::kProject,
                                                                           project.id, principal.id));
  if (!member) return std::optional<ProjectRole>();
  return ParseProjectRole(member->role);
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
