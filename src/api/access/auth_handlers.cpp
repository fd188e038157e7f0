#include "api/access/auth_handlers.hpp"

#include "api/access/access_json.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/middlewares/authentication_middleware.hpp"
#include "api/request_context.hpp"
#include "services/access/authorizer.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {
namespace {

boost::json::object SessionBody(const services::UserView& user, std::string_view session_id, Timestamp created_at,
                                Timestamp expires_at, std::string_view csrf_token) {
  return {{"user", UserJson(user)},
          {"session",
           {{"id", session_id}, {"created_at", FormatRfc3339(created_at)}, {"expires_at", FormatRfc3339(expires_at)}}},
          {"csrf_token", csrf_token}};
}

}  // namespace

std::string AuthHandlers::Cookie(std::string_view value, std::int64_t max_age_seconds) const {
  std::string cookie(kSessionCookie);
  cookie += '=';
  cookie += value;
  cookie += "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
  if (secure_cookies_) cookie += "; Secure";
  return cookie;
}

net::Response AuthHandlers::SignedInReply(int status, const services::SignedIn& signed_in) const {
  const auto& session = signed_in.session;
  auto response = JsonReply(status, SessionBody({signed_in.user, std::nullopt}, session.id, session.created_at,
                                                session.expires_at, session.csrf_token));
  const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(session.expires_at - session.created_at);
  response.headers.Add("Set-Cookie", Cookie(signed_in.session_secret, lifetime.count()));
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<net::Response> AuthHandlers::Config(net::Request& /*request*/) {
  return JsonReply(200, boost::json::object{{"signup_enabled", auth_.settings().signup_enabled}});
}

Result<net::Response> AuthHandlers::Session(net::Request& request) {
  const auto& caller = CallerOf(request);
  GPUAAS_ASSIGN_OR_RETURN(const auto session, auth_.CurrentSession(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto me, users_.Me(caller));
  auto response =
      JsonReply(200, SessionBody(me.user, session.id, session.created_at, session.expires_at, session.csrf_token));
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<net::Response> AuthHandlers::Login(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"email", "password"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto email, RequiredString(body, "email", 320));
  GPUAAS_ASSIGN_OR_RETURN(const auto password, RequiredString(body, "password", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto signed_in, auth_.Login(CallerOf(request), email, password));
  return SignedInReply(200, signed_in);
}

Result<net::Response> AuthHandlers::Signup(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"email", "password", "display_name"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto email, RequiredString(body, "email", 320));
  GPUAAS_ASSIGN_OR_RETURN(const auto password, RequiredString(body, "password", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, RequiredString(body, "display_name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto signed_in, auth_.Signup(CallerOf(request), email, password, name));
  return SignedInReply(201, signed_in);
}

Result<net::Response> AuthHandlers::Logout(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(auth_.Logout(CallerOf(request)));
  auto response = NoContent();
  response.headers.Add("Set-Cookie", Cookie("", 0));
  return response;
}

}  // namespace gpuaas::api
