#include "api/access/account_handlers.hpp"

#include "api/access/access_json.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"

namespace gpuaas::api {

Result<services::NewTokenInput> ParseNewToken(const net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"name", "scopes", "expires_in_days"}));
  services::NewTokenInput input;
  GPUAAS_ASSIGN_OR_RETURN(input.name, RequiredString(body, "name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto scopes, OptionalStringArray(body, "scopes"));
  if (scopes) input.scopes = *scopes;
  GPUAAS_ASSIGN_OR_RETURN(input.expires_in_days, OptionalInt(body, "expires_in_days"));
  return input;
}

net::Response CreatedTokenReply(const services::CreatedToken& created, Timestamp now) {
  auto response =
      JsonReply(201, boost::json::object{{"token", TokenJson(created.token, now)}, {"secret", created.secret}});
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<net::Response> AccountHandlers::Me(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto me, users_.Me(CallerOf(request)));
  boost::json::array tenants;
  for (const auto& tenant : me.tenants) {
    tenants.push_back({{"id", tenant.id}, {"name", tenant.name}, {"personal", tenant.personal}, {"role", tenant.role}});
  }
  boost::json::array projects;
  for (const auto& project : me.projects) {
    projects.push_back({{"id", project.id},
                        {"tenant_id", project.tenant_id},
                        {"tenant_name", project.tenant_name},
                        {"name", project.name},
                        {"role", project.role}});
  }
  return JsonReply(
      200, boost::json::object{
               {"user", UserJson(me.user)}, {"tenants", std::move(tenants)}, {"projects", std::move(projects)}});
}

Result<net::Response> AccountHandlers::UpdateMe(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"display_name"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, RequiredString(body, "display_name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto user, users_.UpdateProfile(CallerOf(request), name));
  return JsonReply(200, UserJson(user));
}

Result<net::Response> AccountHandlers::ChangePassword(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"current_password", "new_password"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto current, RequiredString(body, "current_password", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto next, RequiredString(body, "new_password", 1024));
  GPUAAS_RETURN_IF_ERROR(auth_.ChangePassword(CallerOf(request), current, next));
  return NoContent();
}

Result<net::Response> AccountHandlers::ListSessions(net::Request& request) {
  const auto& caller = CallerOf(request);
  GPUAAS_ASSIGN_OR_RETURN(const auto sessions, auth_.ListSessions(caller));
  return JsonReply(
      200, Items(sessions, [&](const auto& session) { return SessionJson(session, caller.principal.session_id); }));
}

Result<net::Response> AccountHandlers::RevokeSession(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(auth_.RevokeSession(CallerOf(request), request.Param("session_id")));
  return NoContent();
}

Result<net::Response> AccountHandlers::ListSshKeys(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto keys, ssh_keys_.List(CallerOf(request)));
  return JsonReply(200, Items(keys, SshKeyJson));
}

Result<net::Response> AccountHandlers::AddSshKey(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"name", "public_key"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, RequiredString(body, "name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto public_key, RequiredString(body, "public_key", 16 * 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto key, ssh_keys_.Add(CallerOf(request), name, public_key));
  return JsonReply(201, SshKeyJson(key));
}

Result<net::Response> AccountHandlers::DeleteSshKey(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(ssh_keys_.Delete(CallerOf(request), request.Param("key_id")));
  return NoContent();
}

Result<net::Response> AccountHandlers::ListTokens(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto tokens, credentials_.ListPersonalTokens(CallerOf(request)));
  const auto now = clock_.Now();
  return JsonReply(200, Items(tokens, [now](const auto& token) { return TokenJson(token, now); }));
}

Result<net::Response> AccountHandlers::CreateToken(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto input, ParseNewToken(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto created, credentials_.CreatePersonalToken(CallerOf(request), input));
  return CreatedTokenReply(created, clock_.Now());
}

Result<net::Response> AccountHandlers::RevokeToken(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(credentials_.RevokePersonalToken(CallerOf(request), request.Param("token_id")));
  return NoContent();
}

}  // namespace gpuaas::api
