#pragma once

#include "net/http_types.hpp"
#include "services/access/auth_service.hpp"
#include "services/access/credential_service.hpp"
#include "services/access/ssh_key_service.hpp"
#include "services/access/user_service.hpp"

namespace gpuaas::api {

// /api/v1/users/me: the caller's own profile, password, sessions, SSH keys and tokens.
class AccountHandlers {
 public:
  AccountHandlers(const Clock& clock, services::UserService& users, services::AuthService& auth,
                  services::SshKeyService& ssh_keys, services::CredentialService& credentials)
      : clock_(clock), users_(users), auth_(auth), ssh_keys_(ssh_keys), credentials_(credentials) {}

  Result<net::Response> Me(net::Request& request);
  Result<net::Response> UpdateMe(net::Request& request);
  Result<net::Response> ChangePassword(net::Request& request);
  Result<net::Response> ListSessions(net::Request& request);
  Result<net::Response> RevokeSession(net::Request& request);
  Result<net::Response> ListSshKeys(net::Request& request);
  Result<net::Response> AddSshKey(net::Request& request);
  Result<net::Response> DeleteSshKey(net::Request& request);
  Result<net::Response> ListTokens(net::Request& request);
  Result<net::Response> CreateToken(net::Request& request);
  Result<net::Response> RevokeToken(net::Request& request);

 private:
  const Clock& clock_;
  services::UserService& users_;
  services::AuthService& auth_;
  services::SshKeyService& ssh_keys_;
  services::CredentialService& credentials_;
};

// Reads {name, scopes?, expires_in_days?}: shared by personal and service-account tokens.
Result<services::NewTokenInput> ParseNewToken(const net::Request& request);
// {"token": ..., "secret": ...}: the only response that ever carries a token's value.
net::Response CreatedTokenReply(const services::CreatedToken& created, Timestamp now);

}  // namespace gpuaas::api
