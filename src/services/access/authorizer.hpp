#pragma once

#include <optional>
#include <string_view>

#include "repositories/access/tenancy_repository.hpp"
#include "services/access/caller.hpp"
#include "store/session.hpp"

namespace gpuaas::services {

// Every access rule of the platform, in one place. Services call these before they act;
// tests/integration/access_roles_test.cpp proves each role's allowed and denied calls.
//
//  - Platform admins may do everything.
//  - Tenant owners and admins administer the tenant and every project in it; tenant members
//    see the tenant and only the projects they are members of.
//  - Project roles: viewer reads, member also uses (launches, later), admin also manages
//    members and service accounts.
//  - A service account acts only in its own project, with its own role, never on tenants,
//    users or the platform.
//  - A caller who cannot see a resource gets not_found (its existence stays hidden); one who
//    can see it but lacks the role gets permission_denied.
class Authorizer {
 public:
  static Status RequireSignedIn(const Caller& caller);
  // A human user (not a service account): account, tokens, SSH keys, sessions.
  static Status RequireUser(const Caller& caller);
  static Status RequirePlatformAdmin(const Caller& caller);

  // The role rules on already-loaded memberships, for list read models that must not query
  // per row. `membership` is the caller's own tenant role, if any.
  static std::optional<TenantRole> EffectiveTenantRole(const Principal& principal,
                                                       std::optional<TenantRole> membership);
  // From the caller's direct project role and their role in the project's tenant.
  static std::optional<ProjectRole> EffectiveProjectRole(const Principal& principal, std::optional<ProjectRole> direct,
                                                         std::optional<TenantRole> in_tenant);

  static Result<std::optional<TenantRole>> TenantRoleOf(store::Session& session, const Caller& caller,
                                                        std::string_view tenant_id);
  struct TenantAccess {
    repositories::TenantRecord tenant;
    TenantRole role;
  };
  static Result<TenantAccess> RequireTenant(store::Session& session, const Caller& caller, std::string_view tenant_id,
                                            TenantRole needed);

  // The caller's effective role in a project, if any.
  static Result<std::optional<ProjectRole>> ProjectRoleOf(store::Session& session, const Caller& caller,
                                                          const repositories::ProjectRecord& project);
  struct ProjectAccess {
    repositories::ProjectRecord project;
    ProjectRole role;
  };
  static Result<ProjectAccess> RequireProject(store::Session& session, const Caller& caller,
                                              std::string_view project_id, ProjectRole needed);
};

}  // namespace gpuaas::services
