#include "services/access/tenancy_service.hpp"

#include "repositories/access/user_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/access/identity_rules.hpp"

namespace gpuaas::services {

using repositories::MembershipRecord;
using repositories::TenancyRepository;
using repositories::UserRepository;

namespace {

std::string_view Noun(TenancyService::Scope scope) {
  return scope == TenancyService::Scope::kTenant ? "tenant_member" : "project_member";
}

}  // namespace

Result<std::vector<TenantView>> TenancyService::ListTenants(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  std::vector<TenantView> views;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    if (caller.principal.platform_admin) {
      GPUAAS_ASSIGN_OR_RETURN(auto tenants, TenancyRepository::ListTenants(session));
      for (auto& tenant : tenants) {
        views.push_back(TenantView{std::move(tenant), Authorizer::EffectiveTenantRole(caller.principal, std::nullopt)});
      }
      return Ok();
    }
    GPUAAS_ASSIGN_OR_RETURN(auto tenants, TenancyRepository::ListTenantRolesOfUser(session, caller.principal.id));
    for (auto& [tenant, role] : tenants) {
      views.push_back(
          TenantView{std::move(tenant), Authorizer::EffectiveTenantRole(caller.principal, ParseTenantRole(role))});
    }
    return Ok();
  }));
  return views;
}

Result<TenantView> TenancyService::GetTenant(const Caller& caller, std::string_view tenant_id) {
  TenantView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto access, Authorizer::RequireTenant(session, caller, tenant_id, TenantRole::kMember));
    view = TenantView{std::move(access.tenant), access.role};
    return Ok();
  }));
  return view;
}

Result<TenantView> TenancyService::CreateTenant(const Caller& caller, std::string_view name_text,
                                                std::string_view owner_email) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(name_text, "name"));
  GPUAAS_ASSIGN_OR_RETURN(const auto email, NormalizeEmail(owner_email, "owner_email"));
  TenantView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto owner, UserRepository::FindByEmail(session, email));
    if (!owner) return Error::InvalidArgument("owner_email", "no user has this email");
    const auto now = context_.clock.Now();
    view.tenant = repositories::TenantRecord{context_.ids.Next("ten"), name, false, now};
    view.role = TenantRole::kOwner;
    GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertTenant(session, view.tenant));
    GPUAAS_RETURN_IF_ERROR(
        TenancyRepository::InsertMember(session, Scope::kTenant, {view.tenant.id, owner->id, "", "", "owner", now}));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"tenant.create",
                                                  "tenant",
                                                  view.tenant.id,
                                                  {},
                                                  view.tenant.id,
                                                  "allowed",
                                                  {{"name", name}, {"owner_id", owner->id}}}));
    return Ok();
  }));
  return view;
}

Result<std::vector<ProjectView>> TenancyService::ListProjects(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  std::vector<ProjectView> views;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    const auto& principal = caller.principal;
    if (principal.kind == PrincipalKind::kServiceAccount) {
      GPUAAS_ASSIGN_OR_RETURN(const auto project, TenancyRepository::FindProject(session, principal.project_id));
      if (project) views.push_back(ProjectView{*project, principal.project_role});
    } else if (principal.platform_admin) {
      GPUAAS_ASSIGN_OR_RETURN(auto projects, TenancyRepository::ListProjects(session));
      for (auto& project : projects) {
        views.push_back(
            ProjectView{std::move(project), Authorizer::EffectiveProjectRole(principal, std::nullopt, std::nullopt)});
      }
    } else {
      GPUAAS_ASSIGN_OR_RETURN(auto entries, TenancyRepository::ListProjectRolesOfUser(session, principal.id));
      for (auto& entry : entries) {
        const auto role = Authorizer::EffectiveProjectRole(principal, ParseProjectRole(entry.project_role),
                                                           ParseTenantRole(entry.tenant_role));
        views.push_back(ProjectView{std::move(entry.project), role});
      }
    }
    return Ok();
  }));
  return views;
}

Result<ProjectView> TenancyService::GetProject(const Caller& caller, std::string_view project_id) {
  ProjectView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kViewer));
    view = ProjectView{access.project, access.role};
    return Ok();
  }));
  return view;
}

Result<ProjectView> TenancyService::CreateProject(const Caller& caller, std::string_view tenant_id,
                                                  std::string_view name_text) {
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(name_text, "name", 63));
  ProjectView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireTenant(session, caller, tenant_id, TenantRole::kAdmin));
    const auto& tenant = access.tenant;
    view.project =
        repositories::ProjectRecord{context_.ids.Next("prj"), tenant.id, tenant.name, name, context_.clock.Now()};
    view.role = ProjectRole::kAdmin;
    auto inserted = TenancyRepository::InsertProject(session, view.project);
    if (!inserted && inserted.error().code() == ErrorCode::kConflict) {
      return Error::Conflict("a project named '" + name + "' already exists in this tenant")
          .WithDetail("field", "name");
    }
    GPUAAS_RETURN_IF_ERROR(std::move(inserted));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller,
        {"project.create", "project", view.project.id, view.project.id, tenant.id, "allowed", {{"name", name}}}));
    return Ok();
  }));
  return view;
}

Result<TenancyService::ScopeAccess> TenancyService::RequireAdmin(store::Session& session, const Caller& caller,
                                                                 Scope scope, std::string_view scope_id) {
  if (scope == Scope::kTenant) {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireTenant(session, caller, scope_id, TenantRole::kAdmin));
    return ScopeAccess{access.tenant.id, std::nullopt, access.role == TenantRole::kOwner};
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto access,
                          Authorizer::RequireProject(session, caller, scope_id, ProjectRole::kAdmin));
  return ScopeAccess{access.project.tenant_id, access.project.id, false};
}

Result<std::string> TenancyService::ValidRole(Scope scope, std::string_view role, const ScopeAccess& access) {
  if (scope == Scope::kTenant) {
    const auto parsed = ParseTenantRole(role);
    if (!parsed) return Error::InvalidArgument("role", "must be owner, admin or member");
    if (*parsed == TenantRole::kOwner && !access.caller_is_owner) {
      return Error::PermissionDenied("only a tenant owner can make another owner");
    }
    return std::string(RoleName(*parsed));
  }
  const auto parsed = ParseProjectRole(role);
  if (!parsed) return Error::InvalidArgument("role", "must be admin, member or viewer");
  return std::string(RoleName(*parsed));
}

Result<std::vector<MembershipRecord>> TenancyService::ListMembers(const Caller& caller, Scope scope,
                                                                  std::string_view scope_id) {
  std::vector<MembershipRecord> members;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    if (scope == Scope::kTenant) {
      GPUAAS_RETURN_IF_ERROR(Authorizer::RequireTenant(session, caller, scope_id, TenantRole::kMember));
    } else {
      GPUAAS_RETURN_IF_ERROR(Authorizer::RequireProject(session, caller, scope_id, ProjectRole::kViewer));
    }
    GPUAAS_ASSIGN_OR_RETURN(members, TenancyRepository::ListMembers(session, scope, scope_id));
    return Ok();
  }));
  return members;
}

Result<MembershipRecord> TenancyService::AddMember(const Caller& caller, Scope scope, std::string_view scope_id,
                                                   std::string_view email_text, std::string_view role_text) {
  GPUAAS_ASSIGN_OR_RETURN(const auto email, NormalizeEmail(email_text));
  MembershipRecord member;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access, RequireAdmin(session, caller, scope, scope_id));
    GPUAAS_ASSIGN_OR_RETURN(const auto role, ValidRole(scope, role_text, access));
    GPUAAS_ASSIGN_OR_RETURN(const auto user, UserRepository::FindByEmail(session, email));
    if (!user) return Error::InvalidArgument("email", "no user has this email");
    GPUAAS_ASSIGN_OR_RETURN(const auto existing, TenancyRepository::FindMember(session, scope, scope_id, user->id));
    if (existing) return Error::Conflict(email + " is already a member with the role " + existing->role);
    const auto now = context_.clock.Now();
    member = MembershipRecord{std::string(scope_id), user->id, user->email, user->display_name, role, now};
    GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertMember(session, scope, member));
    if (scope == Scope::kProject) {
      // A project member belongs to the project's tenant too, as a plain member at least.
      GPUAAS_ASSIGN_OR_RETURN(const auto in_tenant,
                              TenancyRepository::FindMember(session, Scope::kTenant, access.tenant_id, user->id));
      if (!in_tenant) {
        GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertMember(session, Scope::kTenant,
                                                               {access.tenant_id, user->id, "", "", "member", now}));
      }
    }
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {std::string(Noun(scope)) + ".add",
                                                  "user",
                                                  user->id,
                                                  access.project_id,
                                                  access.tenant_id,
                                                  "allowed",
                                                  {{"email", email}, {"role", role}}}));
    return Ok();
  }));
  return member;
}

Result<MembershipRecord> TenancyService::ChangeMemberRole(const Caller& caller, Scope scope, std::string_view scope_id,
                                                          std::string_view user_id, std::string_view role_text) {
  MembershipRecord member;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access, RequireAdmin(session, caller, scope, scope_id));
    GPUAAS_ASSIGN_OR_RETURN(const auto role, ValidRole(scope, role_text, access));
    GPUAAS_ASSIGN_OR_RETURN(const auto existing, TenancyRepository::FindMember(session, scope, scope_id, user_id));
    if (!existing) return Error::NotFound("member " + std::string(user_id) + " not found");
    if (scope == Scope::kTenant && existing->role == "owner" && role != "owner") {
      if (!access.caller_is_owner) return Error::PermissionDenied("only a tenant owner can demote an owner");
      GPUAAS_ASSIGN_OR_RETURN(const auto owners, TenancyRepository::CountTenantOwners(session, scope_id));
      if (owners <= 1) return Error::FailedPrecondition("the last owner of a tenant cannot be demoted");
    }
    GPUAAS_RETURN_IF_ERROR(TenancyRepository::UpdateMemberRole(session, scope, scope_id, user_id, role));
    member = *existing;
    member.role = role;
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {std::string(Noun(scope)) + ".change_role",
                                                  "user",
                                                  std::string(user_id),
                                                  access.project_id,
                                                  access.tenant_id,
                                                  "allowed",
                                                  {{"from", existing->role}, {"to", role}}}));
    return Ok();
  }));
  return member;
}

Status TenancyService::RemoveMember(const Caller& caller, Scope scope, std::string_view scope_id,
                                    std::string_view user_id) {
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access, RequireAdmin(session, caller, scope, scope_id));
    GPUAAS_ASSIGN_OR_RETURN(const auto existing, TenancyRepository::FindMember(session, scope, scope_id, user_id));
    if (!existing) return Error::NotFound("member " + std::string(user_id) + " not found");
    if (scope == Scope::kTenant && existing->role == "owner") {
      if (!access.caller_is_owner) return Error::PermissionDenied("only a tenant owner can remove an owner");
      GPUAAS_ASSIGN_OR_RETURN(const auto owners, TenancyRepository::CountTenantOwners(session, scope_id));
      if (owners <= 1) return Error::FailedPrecondition("the last owner of a tenant cannot be removed");
    }
    GPUAAS_RETURN_IF_ERROR(TenancyRepository::DeleteMember(session, scope, scope_id, user_id));
    if (scope == Scope::kTenant) {
      // Leaving a tenant ends access to its projects too.
      GPUAAS_RETURN_IF_ERROR(TenancyRepository::DeleteProjectMembershipsInTenant(session, scope_id, user_id));
    }
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {std::string(Noun(scope)) + ".remove",
                                                  "user",
                                                  std::string(user_id),
                                                  access.project_id,
                                                  access.tenant_id,
                                                  "allowed",
                                                  {{"email", existing->email}, {"role", existing->role}}}));
    return Ok();
  });
}

}  // namespace gpuaas::services
