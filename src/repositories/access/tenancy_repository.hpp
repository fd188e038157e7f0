#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct TenantRecord {
  std::string id;
  std::string name;
  bool personal = false;
  Timestamp created_at;
};

struct ProjectRecord {
  std::string id;
  std::string tenant_id;
  std::string tenant_name;  // joined on reads
  std::string name;
  Timestamp created_at;
};

struct MembershipRecord {
  std::string scope_id;  // tenant or project id
  std::string user_id;
  std::string email;         // joined on reads
  std::string display_name;  // joined on reads
  std::string role;
  Timestamp created_at;
};

struct ServiceAccountRecord {
  std::string id;
  std::string project_id;
  std::string name;
  std::string role;
  std::string created_by;
  Timestamp created_at;
};

// Tenants, projects, their memberships and service accounts.
class TenancyRepository {
 public:
  static Status InsertTenant(store::Session& session, const TenantRecord& tenant);
  static Result<std::optional<TenantRecord>> FindTenant(store::Session& session, std::string_view id);
  static Result<std::vector<TenantRecord>> ListTenants(store::Session& session);
  static Result<std::vector<TenantRecord>> ListTenantsOfUser(store::Session& session, std::string_view user_id);

  // The user's tenants with the user's role in each, in one query.
  static Result<std::vector<std::pair<TenantRecord, std::string>>> ListTenantRolesOfUser(store::Session& session,
                                                                                         std::string_view user_id);
  // The projects visible to the user with the user's direct project role (may be empty) and
  // tenant role (may be empty), in one query.
  struct ProjectRoles {
    ProjectRecord project;
    std::string project_role;
    std::string tenant_role;
  };
  static Result<std::vector<ProjectRoles>> ListProjectRolesOfUser(store::Session& session, std::string_view user_id);

  static Status InsertProject(store::Session& session, const ProjectRecord& project);
  static Result<std::optional<ProjectRecord>> FindProject(store::Session& session, std::string_view id);
  static Result<std::vector<ProjectRecord>> ListProjects(store::Session& session);
  static Result<std::vector<ProjectRecord>> ListProjectsOfTenant(store::Session& session, std::string_view tenant_id);
  // Projects the user is a direct member of, or that belong to a tenant the user administers.
  static Result<std::vector<ProjectRecord>> ListProjectsVisibleTo(store::Session& session, std::string_view user_id);

  // Memberships: `table` picks tenant or project memberships.
  enum class Scope { kTenant, kProject };
  static Status InsertMember(store::Session& session, Scope scope, const MembershipRecord& member);
  static Result<std::optional<MembershipRecord>> FindMember(store::Session& session, Scope scope,
                                                            std::string_view scope_id, std::string_view user_id);
  static Result<std::vector<MembershipRecord>> ListMembers(store::Session& session, Scope scope,
                                                           std::string_view scope_id);
  static Result<std::vector<MembershipRecord>> ListMembershipsOfUser(store::Session& session, Scope scope,
                                                                     std::string_view user_id);
  static Status UpdateMemberRole(store::Session& session, Scope scope, std::string_view scope_id,
                                 std::string_view user_id, std::string_view role);
  static Status DeleteMember(store::Session& session, Scope scope, std::string_view scope_id, std::string_view user_id);
  static Status DeleteProjectMembershipsInTenant(store::Session& session, std::string_view tenant_id,
                                                 std::string_view user_id);
  static Result<std::int64_t> CountTenantOwners(store::Session& session, std::string_view tenant_id);

  static Status InsertServiceAccount(store::Session& session, const ServiceAccountRecord& account);
  static Result<std::optional<ServiceAccountRecord>> FindServiceAccount(store::Session& session, std::string_view id);
  static Result<std::vector<ServiceAccountRecord>> ListServiceAccounts(store::Session& session,
                                                                       std::string_view project_id);
  static Status MarkServiceAccountDeleted(store::Session& session, std::string_view id, Timestamp now);
};

}  // namespace gpuaas::repositories
