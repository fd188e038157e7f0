#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/access/tenancy_repository.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct TenantView {
  repositories::TenantRecord tenant;
  std::optional<TenantRole> role;  // the caller's
};

struct ProjectView {
  repositories::ProjectRecord project;
  std::optional<ProjectRole> role;  // the caller's effective role
};

// Tenants, projects and their memberships.
class TenancyService {
 public:
  explicit TenancyService(ServiceContext context) : context_(context) {}

  Result<std::vector<TenantView>> ListTenants(const Caller& caller);
  Result<TenantView> GetTenant(const Caller& caller, std::string_view tenant_id);
  Result<TenantView> CreateTenant(const Caller& caller, std::string_view name, std::string_view owner_email);

  Result<std::vector<ProjectView>> ListProjects(const Caller& caller);
  Result<ProjectView> GetProject(const Caller& caller, std::string_view project_id);
  Result<ProjectView> CreateProject(const Caller& caller, std::string_view tenant_id, std::string_view name);

  using Scope = repositories::TenancyRepository::Scope;
  Result<std::vector<repositories::MembershipRecord>> ListMembers(const Caller& caller, Scope scope,
                                                                  std::string_view scope_id);
  Result<repositories::MembershipRecord> AddMember(const Caller& caller, Scope scope, std::string_view scope_id,
                                                   std::string_view email, std::string_view role);
  Result<repositories::MembershipRecord> ChangeMemberRole(const Caller& caller, Scope scope, std::string_view scope_id,
                                                          std::string_view user_id, std::string_view role);
  Status RemoveMember(const Caller& caller, Scope scope, std::string_view scope_id, std::string_view user_id);

 private:
  // Checks the caller administers the scope and returns its tenant and project ids for audit.
  struct ScopeAccess {
    std::string tenant_id;
    std::optional<std::string> project_id;
    bool caller_is_owner = false;
  };
  Result<ScopeAccess> RequireAdmin(store::Session& session, const Caller& caller, Scope scope,
                                   std::string_view scope_id);
  Result<std::string> ValidRole(Scope scope, std::string_view role, const ScopeAccess& access);

  ServiceContext context_;
};

}  // namespace gpuaas::services
