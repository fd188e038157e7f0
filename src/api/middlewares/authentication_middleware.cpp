#include "api/middlewares/authentication_middleware.hpp"

#include "api/request_context.hpp"
#include "shared/secret.hpp"

namespace gpuaas::api {

std::string_view FindCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = std::min(header.find(';'), header.size());
    auto pair = header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) return pair.substr(equals + 1);
    header.remove_prefix(std::min(end + 1, header.size()));
  }
  return {};
}

// Browsers cannot set headers on a WebSocket: they send the bearer token as one of the
// offered subprotocols next to "gpuaas.v1", which the server selects.
std::string_view BearerSubprotocol(std::string_view offered) {
  constexpr std::string_view kPrefix = "bearer.";
  while (!offered.empty()) {
    const auto end = std::min(offered.find(','), offered.size());
    auto entry = offered.substr(0, end);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (entry.substr(0, kPrefix.size()) == kPrefix) return entry.substr(kPrefix.size());
    offered.remove_prefix(std::min(end + 1, offered.size()));
  }
  return {};
}

Result<net::Response> AuthenticationMiddleware::Handle(net::Request& request, const net::Route* route,
                                                       const net::Next& next) {
  services::Caller caller;
  caller.request_id = request.request_id;
  caller.client_ip = request.remote_address;
  caller.user_agent = std::string(request.headers.Find("User-Agent").substr(0, 512));

  const auto authorization = request.headers.Find("Authorization");
  const auto subprotocol_token = BearerSubprotocol(request.headers.Find("Sec-WebSocket-Protocol"));
  const bool mutation = IsMutation(request.method);
  if (authorization.empty() && !subprotocol_token.empty()) {
    GPUAAS_ASSIGN_OR_RETURN(caller.principal, auth_.ResolveBearer(subprotocol_token));
  } else if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() <= kBearer.size() || authorization.substr(0, kBearer.size()) != kBearer) {
      return Error::Unauthenticated("the Authorization header must be 'Bearer <token>'");
    }
    GPUAAS_ASSIGN_OR_RETURN(caller.principal, auth_.ResolveBearer(authorization.substr(kBearer.size())));
    if (mutation && !caller.principal.can_write) {
      request.caller = caller;  // so the refusal is audited under the token's owner
      return Error::PermissionDenied("this token is read-only; create a token with the write scope");
    }
  } else if (const auto cookie = FindCookie(request.headers.Find("Cookie"), kSessionCookie); !cookie.empty()) {
    // A stale cookie is treated as no cookie: the caller is anonymous and can sign in again.
    if (auto principal = auth_.ResolveSession(cookie)) caller.principal = std::move(principal).value();
    // Signing in or up replaces whatever session the browser had: no token to echo yet.
    const bool signs_in = route != nullptr && (route->action == "auth.login" || route->action == "auth.signup");
    if (mutation && caller.principal.signed_in() && !signs_in &&
        !ConstantTimeEquals(request.headers.Find(kCsrfHeader), caller.principal.csrf_token)) {
      request.caller = caller;
      return Error::PermissionDenied("missing or wrong X-CSRF-Token header for a cookie-authenticated change");
    }
  }
  request.caller = std::move(caller);
  return next(request);
}

}  // namespace gpuaas::api
