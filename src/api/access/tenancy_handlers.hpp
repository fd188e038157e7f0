#pragma once

#include "net/http_types.hpp"
#include "services/access/credential_service.hpp"
#include "services/access/tenancy_service.hpp"

namespace gpuaas::api {

// /api/v1/tenants and /api/v1/projects: organisations, projects, members, service accounts.
class TenancyHandlers {
 public:
  TenancyHandlers(const Clock& clock, services::TenancyService& tenancy, services::CredentialService& credentials)
      : clock_(clock), tenancy_(tenancy), credentials_(credentials) {}

  Result<net::Response> ListTenants(net::Request& request);
  Result<net::Response> CreateTenant(net::Request& request);
  Result<net::Response> GetTenant(net::Request& request);
  Result<net::Response> ListProjects(net::Request& request);
  Result<net::Response> CreateProject(net::Request& request);
  Result<net::Response> GetProject(net::Request& request);

  Result<net::Response> ListTenantMembers(net::Request& request);
  Result<net::Response> AddTenantMember(net::Request& request);
  Result<net::Response> ChangeTenantMember(net::Request& request);
  Result<net::Response> RemoveTenantMember(net::Request& request);
  Result<net::Response> ListProjectMembers(net::Request& request);
  Result<net::Response> AddProjectMember(net::Request& request);
  Result<net::Response> ChangeProjectMember(net::Request& request);
  Result<net::Response> RemoveProjectMember(net::Request& request);

  Result<net::Response> ListServiceAccounts(net::Request& request);
  Result<net::Response> CreateServiceAccount(net::Request& request);
  Result<net::Response> DeleteServiceAccount(net::Request& request);
  Result<net::Response> CreateServiceAccountToken(net::Request& request);
  Result<net::Response> RevokeServiceAccountToken(net::Request& request);

 private:
  using Scope = services::TenancyService::Scope;
  Result<net::Response> ListMembers(net::Request& request, Scope scope, std::string_view param);
  Result<net::Response> AddMember(net::Request& request, Scope scope, std::string_view param);
  Result<net::Response> ChangeMember(net::Request& request, Scope scope, std::string_view param);
  Result<net::Response> RemoveMember(net::Request& request, Scope scope, std::string_view param);

  const Clock& clock_;
  services::TenancyService& tenancy_;
  services::CredentialService& credentials_;
};

}  // namespace gpuaas::api
