#include "api/access/tenancy_handlers.hpp"

#include "api/access/access_json.hpp"
#include "api/access/account_handlers.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"

namespace gpuaas::api {

Result<net::Response> TenancyHandlers::ListTenants(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto tenants, tenancy_.ListTenants(CallerOf(request)));
  return JsonReply(200, Items(tenants, TenantJson));
}

Result<net::Response> TenancyHandlers::CreateTenant(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"name", "owner_email"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, RequiredString(body, "name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto owner, RequiredString(body, "owner_email", 320));
  GPUAAS_ASSIGN_OR_RETURN(const auto tenant, tenancy_.CreateTenant(CallerOf(request), name, owner));
  return JsonReply(201, TenantJson(tenant));
}

Result<net::Response> TenancyHandlers::GetTenant(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto tenant, tenancy_.GetTenant(CallerOf(request), request.Param("tenant_id")));
  return JsonReply(200, TenantJson(tenant));
}

Result<net::Response> TenancyHandlers::ListProjects(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto projects, tenancy_.ListProjects(CallerOf(request)));
  return JsonReply(200, Items(projects, ProjectJson));
}

Result<net::Response> TenancyHandlers::CreateProject(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"name"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, RequiredString(body, "name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto project,
                          tenancy_.CreateProject(CallerOf(request), request.Param("tenant_id"), name));
  return JsonReply(201, ProjectJson(project));
}

Result<net::Response> TenancyHandlers::GetProject(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto project, tenancy_.GetProject(CallerOf(request), request.Param("project_id")));
  return JsonReply(200, ProjectJson(project));
}

Result<net::Response> TenancyHandlers::ListMembers(net::Request& request, Scope scope, std::string_view param) {
  GPUAAS_ASSIGN_OR_RETURN(const auto members, tenancy_.ListMembers(CallerOf(request), scope, request.Param(param)));
  return JsonReply(200, Items(members, MemberJson));
}

Result<net::Response> TenancyHandlers::AddMember(net::Request& request, Scope scope, std::string_view param) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"email", "role"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto email, RequiredString(body, "email", 320));
  GPUAAS_ASSIGN_OR_RETURN(const auto role, RequiredString(body, "role", 32));
  GPUAAS_ASSIGN_OR_RETURN(const auto member,
                          tenancy_.AddMember(CallerOf(request), scope, request.Param(param), email, role));
  return JsonReply(201, MemberJson(member));
}

Result<net::Response> TenancyHandlers::ChangeMember(net::Request& request, Scope scope, std::string_view param) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"role"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto role, RequiredString(body, "role", 32));
  GPUAAS_ASSIGN_OR_RETURN(const auto member, tenancy_.ChangeMemberRole(CallerOf(request), scope, request.Param(param),
                                                                       request.Param("user_id"), role));
  return JsonReply(200, MemberJson(member));
}

Result<net::Response> TenancyHandlers::RemoveMember(net::Request& request, Scope scope, std::string_view param) {
  GPUAAS_RETURN_IF_ERROR(
      tenancy_.RemoveMember(CallerOf(request), scope, request.Param(param), request.Param("user_id")));
  return NoContent();
}

Result<net::Response> TenancyHandlers::ListTenantMembers(net::Request& r) {
  return ListMembers(r, Scope::kTenant, "tenant_id");
}
Result<net::Response> TenancyHandlers::AddTenantMember(net::Request& r) {
  return AddMember(r, Scope::kTenant, "tenant_id");
}
Result<net::Response> TenancyHandlers::ChangeTenantMember(net::Request& r) {
  return ChangeMember(r, Scope::kTenant, "tenant_id");
}
Result<net::Response> TenancyHandlers::RemoveTenantMember(net::Request& r) {
  return RemoveMember(r, Scope::kTenant, "tenant_id");
}
Result<net::Response> TenancyHandlers::ListProjectMembers(net::Request& r) {
  return ListMembers(r, Scope::kProject, "project_id");
}
Result<net::Response> TenancyHandlers::AddProjectMember(net::Request& r) {
  return AddMember(r, Scope::kProject, "project_id");
}
Result<net::Response> TenancyHandlers::ChangeProjectMember(net::Request& r) {
  return ChangeMember(r, Scope::kProject, "project_id");
}
Result<net::Response> TenancyHandlers::RemoveProjectMember(net::Request& r) {
  return RemoveMember(r, Scope::kProject, "project_id");
}

Result<net::Response> TenancyHandlers::ListServiceAccounts(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto accounts,
                          credentials_.ListServiceAccounts(CallerOf(request), request.Param("project_id")));
  const auto now = clock_.Now();
  return JsonReply(200, Items(accounts, [now](const auto& view) { return ServiceAccountJson(view, now); }));
}

Result<net::Response> TenancyHandlers::CreateServiceAccount(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"name", "role"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, RequiredString(body, "name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto role, RequiredString(body, "role", 32));
  GPUAAS_ASSIGN_OR_RETURN(const auto account, credentials_.CreateServiceAccount(
                                                  CallerOf(request), request.Param("project_id"), name, role));
  return JsonReply(201, ServiceAccountJson(account, clock_.Now()));
}

Result<net::Response> TenancyHandlers::DeleteServiceAccount(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(credentials_.DeleteServiceAccount(CallerOf(request), request.Param("project_id"),
                                                           request.Param("service_account_id")));
  return NoContent();
}

Result<net::Response> TenancyHandlers::CreateServiceAccountToken(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto input, ParseNewToken(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto created,
                          credentials_.CreateServiceAccountToken(CallerOf(request), request.Param("project_id"),
                                                                 request.Param("service_account_id"), input));
  return CreatedTokenReply(created, clock_.Now());
}

Result<net::Response> TenancyHandlers::RevokeServiceAccountToken(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(credentials_.RevokeServiceAccountToken(
      CallerOf(request), request.Param("project_id"), request.Param("service_account_id"), request.Param("token_id")));
  return NoContent();
}

}  // namespace gpuaas::api
