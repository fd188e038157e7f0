#include "repositories/access/tenancy_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kTenantSelect = "SELECT t.id, t.name, t.personal, t.created_at FROM tenants t ";
constexpr std::string_view kProjectSelect =
    "SELECT p.id, p.tenant_id, t.name, p.name, p.created_at FROM projects p JOIN tenants t ON t.id = p.tenant_id ";
constexpr std::string_view kServiceAccountSelect =
    "SELECT id, project_id, name, role, created_by, created_at FROM service_accounts ";

TenantRecord TenantFromRow(const store::Row& row) {
  return TenantRecord{row.Text(0), row.Text(1), row.Int(2) != 0, TimeAt(row, 3)};
}

ProjectRecord ProjectFromRow(const store::Row& row) {
  return ProjectRecord{row.Text(0), row.Text(1), row.Text(2), row.Text(3), TimeAt(row, 4)};
}

ServiceAccountRecord ServiceAccountFromRow(const store::Row& row) {
  return ServiceAccountRecord{row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), TimeAt(row, 5)};
}

struct MemberTable {
  std::string_view table;
  std::string_view scope_column;
};

MemberTable TableOf(TenancyRepository::Scope scope) {
  return scope == TenancyRepository::Scope::kTenant ? MemberTable{"tenant_memberships", "tenant_id"}
                                                    : MemberTable{"project_memberships", "project_id"};
}

std::string MemberSelect(TenancyRepository::Scope scope) {
  const auto t = TableOf(scope);
  return "SELECT m." + std::string(t.scope_column) +
         ", m.user_id, u.email, u.display_name, m.role, m.created_at FROM " + std::string(t.table) +
         " m JOIN users u ON u.id = m.user_id ";
}

MembershipRecord MemberFromRow(const store::Row& row) {
  return MembershipRecord{row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), TimeAt(row, 5)};
}

}  // namespace

Status TenancyRepository::InsertTenant(store::Session& session, const TenantRecord& tenant) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("INSERT INTO tenants (id, name, personal, created_at) VALUES (?, ?, ?, ?)",
                      {tenant.id, tenant.name, std::int64_t{tenant.personal ? 1 : 0}, TimeValue(tenant.created_at)}));
  return Ok();
}

Result<std::optional<TenantRecord>> TenancyRepository::FindTenant(store::Session& session, std::string_view id) {
  return QueryOne<TenantRecord>(session, std::string(kTenantSelect) + "WHERE t.id = ?", {std::string(id)},
                                TenantFromRow);
}

Result<std::vector<TenantRecord>> TenancyRepository::ListTenants(store::Session& session) {
  return QueryAll<TenantRecord>(session, std::string(kTenantSelect) + "ORDER BY t.name LIMIT 1000", {}, TenantFromRow);
}

Result<std::vector<TenantRecord>> TenancyRepository::ListTenantsOfUser(store::Session& session,
                                                                       std::string_view user_id) {
  return QueryAll<TenantRecord>(
      session,
      std::string(kTenantSelect) +
          "JOIN tenant_memberships m ON m.tenant_id = t.id WHERE m.user_id = ? ORDER BY t.name",
      {std::string(user_id)}, TenantFromRow);
}

Result<std::vector<std::pair<TenantRecord, std::string>>> TenancyRepository::ListTenantRolesOfUser(
    store::Session& session, std::string_view user_id) {
  return QueryAll<std::pair<TenantRecord, std::string>>(
      session,
      "SELECT t.id, t.name, t.personal, t.created_at, m.role FROM tenants t "
      "JOIN tenant_memberships m ON m.tenant_id = t.id WHERE m.user_id = ? ORDER BY t.name",
      {std::string(user_id)}, [](const store::Row& row) {
        return std::pair{TenantFromRow(row), row.Text(4)};
      });
}

Result<std::vector<TenancyRepository::ProjectRoles>> TenancyRepository::ListProjectRolesOfUser(
    store::Session& session, std::string_view user_id) {
  return QueryAll<ProjectRoles>(
      session,
      "SELECT p.id, p.tenant_id, t.name, p.name, p.created_at, pm.role, tm.role FROM projects p "
      "JOIN tenants t ON t.id = p.tenant_id "
      "LEFT JOIN project_memberships pm ON pm.project_id = p.id AND pm.user_id = ? "
      "LEFT JOIN tenant_memberships tm ON tm.tenant_id = p.tenant_id AND tm.user_id = ? "
      "WHERE pm.user_id IS NOT NULL OR tm.role IN ('owner', 'admin') ORDER BY t.name, p.name",
      {std::string(user_id), std::string(user_id)}, [](const store::Row& row) {
        return ProjectRoles{ProjectFromRow(row), OptionalTextAt(row, 5).value_or(""),
                            OptionalTextAt(row, 6).value_or("")};
      });
}

Status TenancyRepository::InsertProject(store::Session& session, const ProjectRecord& project) {
  GPUAAS_RETURN_IF_ERROR(session.Execute("INSERT INTO projects (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)",
                                         {project.id, project.tenant_id, project.name, TimeValue(project.created_at)}));
  return Ok();
}

Result<std::optional<ProjectRecord>> TenancyRepository::FindProject(store::Session& session, std::string_view id) {
  return QueryOne<ProjectRecord>(session, std::string(kProjectSelect) + "WHERE p.id = ?", {std::string(id)},
                                 ProjectFromRow);
}

Result<std::vector<ProjectRecord>> TenancyRepository::ListProjects(store::Session& session) {
  return QueryAll<ProjectRecord>(session, std::string(kProjectSelect) + "ORDER BY t.name, p.name LIMIT 1000", {},
                                 ProjectFromRow);
}

Result<std::vector<ProjectRecord>> TenancyRepository::ListProjectsOfTenant(store::Session& session,
                                                                           std::string_view tenant_id) {
  return QueryAll<ProjectRecord>(session, std::string(kProjectSelect) + "WHERE p.tenant_id = ? ORDER BY p.name",
                                 {std::string(tenant_id)}, ProjectFromRow);
}

Result<std::vector<ProjectRecord>> TenancyRepository::ListProjectsVisibleTo(store::Session& session,
                                                                            std::string_view user_id) {
  return QueryAll<ProjectRecord>(session,
                                 std::string(kProjectSelect) +
                                     "WHERE p.id IN (SELECT project_id FROM project_memberships WHERE user_id = ?) "
                                     "OR p.tenant_id IN (SELECT tenant_id FROM tenant_memberships WHERE user_id = ? "
                                     "AND role IN ('owner', 'admin')) "
                                     "ORDER BY t.name, p.name",
                                 {std::string(user_id), std::string(user_id)}, ProjectFromRow);
}

Status TenancyRepository::InsertMember(store::Session& session, Scope scope, const MembershipRecord& member) {
  const auto t = TableOf(scope);
  GPUAAS_RETURN_IF_ERROR(session.Execute("INSERT INTO " + std::string(t.table) + " (" + std::string(t.scope_column) +
                                             ", user_id, role, created_at) VALUES (?, ?, ?, ?)",
                                         {member.scope_id, member.user_id, member.role, TimeValue(member.created_at)}));
  return Ok();
}

Result<std::optional<MembershipRecord>> TenancyRepository::FindMember(store::Session& session, Scope scope,
                                                                      std::string_view scope_id,
                                                                      std::string_view user_id) {
  const auto t = TableOf(scope);
  return QueryOne<MembershipRecord>(
      session, MemberSelect(scope) + "WHERE m." + std::string(t.scope_column) + " = ? AND m.user_id = ?",
      {std::string(scope_id), std::string(user_id)}, MemberFromRow);
}

Result<std::vector<MembershipRecord>> TenancyRepository::ListMembers(store::Session& session, Scope scope,
                                                                     std::string_view scope_id) {
  const auto t = TableOf(scope);
  return QueryAll<MembershipRecord>(
      session, MemberSelect(scope) + "WHERE m." + std::string(t.scope_column) + " = ? ORDER BY u.email",
      {std::string(scope_id)}, MemberFromRow);
}

Result<std::vector<MembershipRecord>> TenancyRepository::ListMembershipsOfUser(store::Session& session, Scope scope,
                                                                               std::string_view user_id) {
  return QueryAll<MembershipRecord>(session, MemberSelect(scope) + "WHERE m.user_id = ?", {std::string(user_id)},
                                    MemberFromRow);
}

Status TenancyRepository::UpdateMemberRole(store::Session& session, Scope scope, std::string_view scope_id,
                                           std::string_view user_id, std::string_view role) {
  const auto t = TableOf(scope);
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "UPDATE " + std::string(t.table) + " SET role = ? WHERE " + std::string(t.scope_column) + " = ? AND user_id = ?",
      {std::string(role), std::string(scope_id), std::string(user_id)}));
  return Ok();
}

Status TenancyRepository::DeleteMember(store::Session& session, Scope scope, std::string_view scope_id,
                                       std::string_view user_id) {
  const auto t = TableOf(scope);
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "DELETE FROM " + std::string(t.table) + " WHERE " + std::string(t.scope_column) + " = ? AND user_id = ?",
      {std::string(scope_id), std::string(user_id)}));
  return Ok();
}

Status TenancyRepository::DeleteProjectMembershipsInTenant(store::Session& session, std::string_view tenant_id,
                                                           std::string_view user_id) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("DELETE FROM project_memberships WHERE user_id = ? AND project_id IN (SELECT id FROM projects "
                      "WHERE tenant_id = ?)",
                      {std::string(user_id), std::string(tenant_id)}));
  return Ok();
}

Result<std::int64_t> TenancyRepository::CountTenantOwners(store::Session& session, std::string_view tenant_id) {
  GPUAAS_ASSIGN_OR_RETURN(
      const auto rows, session.Query("SELECT COUNT(*) FROM tenant_memberships WHERE tenant_id = ? AND role = 'owner'",
                                     {std::string(tenant_id)}));
  return rows.front().Int(0);
}

Status TenancyRepository::InsertServiceAccount(store::Session& session, const ServiceAccountRecord& account) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO service_accounts (id, project_id, name, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {account.id, account.project_id, account.name, account.role, account.created_by, TimeValue(account.created_at)}));
  return Ok();
}

Result<std::optional<ServiceAccountRecord>> TenancyRepository::FindServiceAccount(store::Session& session,
                                                                                  std::string_view id) {
  return QueryOne<ServiceAccountRecord>(session,
                                        std::string(kServiceAccountSelect) + "WHERE id = ? AND deleted_at IS NULL",
                                        {std::string(id)}, ServiceAccountFromRow);
}

Result<std::vector<ServiceAccountRecord>> TenancyRepository::ListServiceAccounts(store::Session& session,
                                                                                 std::string_view project_id) {
  return QueryAll<ServiceAccountRecord>(
      session, std::string(kServiceAccountSelect) + "WHERE project_id = ? AND deleted_at IS NULL ORDER BY name",
      {std::string(project_id)}, ServiceAccountFromRow);
}

Status TenancyRepository::MarkServiceAccountDeleted(store::Session& session, std::string_view id, Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE service_accounts SET deleted_at = ? WHERE id = ?", {TimeValue(now), std::string(id)}));
  return Ok();
}

}  // namespace gpuaas::repositories
