#include "services/access/credential_service.hpp"

#include "services/access/authorizer.hpp"
#include "services/access/identity_rules.hpp"
#include "shared/secret.hpp"

namespace gpuaas::services {

using repositories::ApiTokenRecord;
using repositories::ApiTokenRepository;
using repositories::TenancyRepository;

namespace {

constexpr std::int64_t kDefaultTokenDays = 90;
constexpr std::int64_t kMaxTokenDays = 366;
constexpr std::size_t kPrefixLength = 15;  // "gpuaas_pat_" and four random characters

// A live service account of `project_id`; not_found for any other.
Result<repositories::ServiceAccountRecord> AccountInProject(store::Session& session, std::string_view project_id,
                                                           std::string_view account_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto account, TenancyRepository::FindServiceAccount(session, account_id));
  if (!account || account->project_id != project_id) {
    return Error::NotFound("service account " + std::string(account_id) + " not found");
  }
  return *account;
}

}  // namespace

std::string_view TokenStatus(const ApiTokenRecord& token, Timestamp now) {
  if (token.revoked_at) return "revoked";
  if (token.expires_at && *token.expires_at <= now) return "expired";
  return "active";
}

Result<CreatedToken> CredentialService::NewToken(const NewTokenInput& input, std::string_view kind) {
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(input.name, "name"));
  if (input.scopes.empty()) return Error::InvalidArgument("scopes", "must name at least one of read, write");
  bool write = false;
  for (const auto& scope : input.scopes) {
    if (scope == "read") {
      continue;
    }
    if (scope == "write") {
      write = true;
    } else {
      return Error::InvalidArgument("scopes", "unknown scope '" + scope.substr(0, 40) + "'; use read or write");
    }
  }
  const auto days = input.expires_in_days.value_or(kDefaultTokenDays);
  if (days < 1 || days > kMaxTokenDays) {
    return Error::InvalidArgument("expires_in_days", "must be between 1 and " + std::to_string(kMaxTokenDays));
  }
  const auto now = context_.clock.Now();
  CreatedToken created;
  created.secret = GenerateSecret(kind == "personal" ? "gpuaas_pat_" : "gpuaas_sat_");
  auto& token = created.token;
  token.id = context_.ids.Next("tok");
  token.kind = std::string(kind);
  token.name = name;
  token.token_hash = Sha256Hex(created.secret);
  token.prefix = created.secret.substr(0, kPrefixLength);
  // Writing implies reading: a write-only token would be a trap.
  token.scopes = write ? "read write" : "read";
  token.expires_at = now + std::chrono::hours(24 * days);
  token.created_at = now;
  return created;
}

Result<std::vector<ApiTokenRecord>> CredentialService::ListPersonalTokens(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  std::vector<ApiTokenRecord> tokens;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(tokens, ApiTokenRepository::ListByUser(session, caller.principal.id));
    return Ok();
  }));
  return tokens;
}

Result<CreatedToken> CredentialService::CreatePersonalToken(const Caller& caller, const NewTokenInput& input) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  GPUAAS_ASSIGN_OR_RETURN(auto created, NewToken(input, "personal"));
  created.token.user_id = caller.principal.id;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(ApiTokenRepository::Insert(session, created.token));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"token.create",
                                                  "token",
                                                  created.token.id,
                                                  {},
                                                  {},
                                                  "allowed",
                                                  {{"name", created.token.name},
                                                   {"kind", "personal"},
                                                   {"scopes", created.token.scopes},
                                                   {"prefix", created.token.prefix}}}));
    return Ok();
  }));
  return created;
}

Status CredentialService::RevokePersonalToken(const Caller& caller, std::string_view token_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto token, ApiTokenRepository::FindById(session, token_id));
    if (!token || token->user_id != caller.principal.id) {
      return Error::NotFound("token " + std::string(token_id) + " not found");
    }
    return ApplyRevoke(session, caller, *token);
  }));
  auth_.ForgetCachedCredentials();
  return Ok();
}

Status CredentialService::ApplyRevoke(store::Session& session, const Caller& caller,
                                      const repositories::ApiTokenRecord& token) {
  GPUAAS_RETURN_IF_ERROR(ApiTokenRepository::Revoke(session, token.id, context_.clock.Now()));
  GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
      session, caller, {"token.revoke", "token", token.id, {}, {}, "allowed", {{"name", token.name}}}));
  return Ok();
}

Result<std::vector<ServiceAccountView>> CredentialService::ListServiceAccounts(const Caller& caller,
                                                                               std::string_view project_id) {
  std::vector<ServiceAccountView> views;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(Authorizer::RequireProject(session, caller, project_id, ProjectRole::kViewer));
    GPUAAS_ASSIGN_OR_RETURN(const auto accounts, TenancyRepository::ListServiceAccounts(session, project_id));
    for (const auto& account : accounts) {
      GPUAAS_ASSIGN_OR_RETURN(auto tokens, ApiTokenRepository::ListByServiceAccount(session, account.id));
      views.push_back(ServiceAccountView{account, std::move(tokens)});
    }
    return Ok();
  }));
  return views;
}

Result<ServiceAccountView> CredentialService::CreateServiceAccount(const Caller& caller, std::string_view project_id,
                                                                   std::string_view name_text,
                                                                   std::string_view role_text) {
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(name_text, "name"));
  const auto role = ParseProjectRole(role_text);
  if (!role) return Error::InvalidArgument("role", "must be admin, member or viewer");
  ServiceAccountView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kAdmin));
    view.account =
        repositories::ServiceAccountRecord{context_.ids.Next("sa"),      access.project.id,   name,
                                           std::string(RoleName(*role)), caller.principal.id, context_.clock.Now()};
    GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertServiceAccount(session, view.account));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"service_account.create",
                                                  "service_account",
                                                  view.account.id,
                                                  access.project.id,
                                                  access.project.tenant_id,
                                                  "allowed",
                                                  {{"name", name}, {"role", view.account.role}}}));
    return Ok();
  }));
  return view;
}

Status CredentialService::DeleteServiceAccount(const Caller& caller, std::string_view project_id,
                                               std::string_view account_id) {
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kAdmin));
    GPUAAS_ASSIGN_OR_RETURN(const auto found, AccountInProject(session, access.project.id, account_id));
    const auto* account = &found;
    const auto now = context_.clock.Now();
    GPUAAS_RETURN_IF_ERROR(TenancyRepository::MarkServiceAccountDeleted(session, account_id, now));
    GPUAAS_ASSIGN_OR_RETURN(const auto revoked,
                            ApiTokenRepository::RevokeAllOfServiceAccount(session, account_id, now));
    GPUAAS_RETURN_IF_ERROR(
        context_.audit.Append(session, caller,
                              {"service_account.delete",
                               "service_account",
                               account->id,
                               access.project.id,
                               access.project.tenant_id,
                               "allowed",
                               {{"name", account->name}, {"tokens_revoked", std::to_string(revoked)}}}));
    return Ok();
  }));
  auth_.ForgetCachedCredentials();
  return Ok();
}

Result<CreatedToken> CredentialService::CreateServiceAccountToken(const Caller& caller, std::string_view project_id,
                                                                  std::string_view account_id,
                                                                  const NewTokenInput& input) {
  GPUAAS_ASSIGN_OR_RETURN(auto created, NewToken(input, "service_account"));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kAdmin));
    GPUAAS_ASSIGN_OR_RETURN(const auto found, AccountInProject(session, access.project.id, account_id));
    const auto* account = &found;
    created.token.service_account_id = account->id;
    GPUAAS_RETURN_IF_ERROR(ApiTokenRepository::Insert(session, created.token));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"token.create",
                                                  "token",
                                                  created.token.id,
                                                  access.project.id,
                                                  access.project.tenant_id,
                                                  "allowed",
                                                  {{"name", created.token.name},
                                                   {"kind", "service_account"},
                                                   {"service_account_id", account->id},
                                                   {"scopes", created.token.scopes},
                                                   {"prefix", created.token.prefix}}}));
    return Ok();
  }));
  return created;
}

Status CredentialService::RevokeServiceAccountToken(const Caller& caller, std::string_view project_id,
                                                    std::string_view account_id, std::string_view token_id) {
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kAdmin));
    GPUAAS_ASSIGN_OR_RETURN(const auto token, ApiTokenRepository::FindById(session, token_id));
    GPUAAS_ASSIGN_OR_RETURN(const auto account, TenancyRepository::FindServiceAccount(session, account_id));
    if (!token || !account || account->project_id != access.project.id || token->service_account_id != account->id) {
      return Error::NotFound("token " + std::string(token_id) + " not found");
    }
    GPUAAS_RETURN_IF_ERROR(ApiTokenRepository::Revoke(session, token_id, context_.clock.Now()));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"token.revoke",
                                                  "token",
                                                  std::string(token_id),
                                                  access.project.id,
                                                  access.project.tenant_id,
                                                  "allowed",
                                                  {{"name", token->name}, {"service_account_id", account->id}}}));
    return Ok();
  }));
  auth_.ForgetCachedCredentials();
  return Ok();
}

}  // namespace gpuaas::services
