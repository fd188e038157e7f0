#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/access/api_token_repository.hpp"
#include "repositories/access/tenancy_repository.hpp"
#include "services/access/auth_service.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct NewTokenInput {
  std::string name;
  std::vector<std::string> scopes{"read", "write"};
  std::optional<std::int64_t> expires_in_days;  // absent: 90 days
};

struct CreatedToken {
  repositories::ApiTokenRecord token;
  std::string secret;  // returned once, never stored
};

struct ServiceAccountView {
  repositories::ServiceAccountRecord account;
  std::vector<repositories::ApiTokenRecord> tokens;
};

// API credentials: personal access tokens, project service accounts and their tokens.
class CredentialService {
 public:
  CredentialService(ServiceContext context, AuthService& auth) : context_(context), auth_(auth) {}

  Result<std::vector<repositories::ApiTokenRecord>> ListPersonalTokens(const Caller& caller);
  Result<CreatedToken> CreatePersonalToken(const Caller& caller, const NewTokenInput& input);
  Status RevokePersonalToken(const Caller& caller, std::string_view token_id);
  // Revokes and audits inside the caller's transaction (the token.revoke operation's step).
  Status ApplyRevoke(store::Session& session, const Caller& caller, const repositories::ApiTokenRecord& token);

  Result<std::vector<ServiceAccountView>> ListServiceAccounts(const Caller& caller, std::string_view project_id);
  Result<ServiceAccountView> CreateServiceAccount(const Caller& caller, std::string_view project_id,
                                                  std::string_view name, std::string_view role);
  Status DeleteServiceAccount(const Caller& caller, std::string_view project_id, std::string_view account_id);
  Result<CreatedToken> CreateServiceAccountToken(const Caller& caller, std::string_view project_id,
                                                 std::string_view account_id, const NewTokenInput& input);
  Status RevokeServiceAccountToken(const Caller& caller, std::string_view project_id, std::string_view account_id,
                                   std::string_view token_id);

 private:
  Result<CreatedToken> NewToken(const NewTokenInput& input, std::string_view kind);

  ServiceContext context_;
  AuthService& auth_;
};

// "active", "expired" or "revoked" at `now`.
std::string_view TokenStatus(const repositories::ApiTokenRecord& token, Timestamp now);

}  // namespace gpuaas::services
