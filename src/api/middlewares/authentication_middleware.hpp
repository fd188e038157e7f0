#pragma once

#include "net/middleware.hpp"
#include "services/access/auth_service.hpp"

namespace gpuaas::api {

inline constexpr std::string_view kSessionCookie = "gpuaas_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Resolves who is calling (session cookie or bearer token) and attaches the Caller to the
// request. It refuses only what is wrong with the credential itself: an invalid bearer
// token (401), a cookie-authenticated mutation without the session's CSRF token (403), and
// a mutation with a read-only token (403). What a caller may do is decided by the services.
class AuthenticationMiddleware final : public net::Middleware {
 public:
  explicit AuthenticationMiddleware(services::AuthService& auth) : auth_(auth) {}
  Result<net::Response> Handle(net::Request& request, const net::Route* route, const net::Next& next) override;

 private:
  services::AuthService& auth_;
};

// The value of one cookie in a Cookie header; empty when absent.
std::string_view FindCookie(std::string_view header, std::string_view name);

// The token of a "bearer.<token>" entry in a Sec-WebSocket-Protocol header; empty when absent.
std::string_view BearerSubprotocol(std::string_view offered);

}  // namespace gpuaas::api
