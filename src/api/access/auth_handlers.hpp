#pragma once

#include "net/http_types.hpp"
#include "services/access/auth_service.hpp"
#include "services/access/user_service.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// /api/v1/auth: sign-in, sign-up, sign-out and the current console session.
class AuthHandlers {
 public:
  // `secure_cookies` adds the Secure attribute (set when the console is served over TLS).
  AuthHandlers(services::AuthService& auth, services::UserService& users, bool secure_cookies)
      : auth_(auth), users_(users), secure_cookies_(secure_cookies) {}

  Result<net::Response> Config(net::Request& request);
  Result<net::Response> Session(net::Request& request);
  Result<net::Response> Login(net::Request& request);
  Result<net::Response> Signup(net::Request& request);
  Result<net::Response> Logout(net::Request& request);

 private:
  net::Response SignedInReply(int status, const services::SignedIn& signed_in) const;
  std::string Cookie(std::string_view value, std::int64_t max_age_seconds) const;

  services::AuthService& auth_;
  services::UserService& users_;
  bool secure_cookies_;
};

}  // namespace gpuaas::api
