#include "api/access/user_admin_handlers.hpp"

#include "api/access/access_json.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"

namespace gpuaas::api {

Result<net::Response> UserAdminHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto users, users_.List(CallerOf(request)));
  return JsonReply(200, Items(users, UserJson));
}

Result<net::Response> UserAdminHandlers::Create(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"email", "display_name", "password", "platform_admin"}));
  services::NewUserInput input;
  GPUAAS_ASSIGN_OR_RETURN(input.email, RequiredString(body, "email", 320));
  GPUAAS_ASSIGN_OR_RETURN(input.display_name, RequiredString(body, "display_name", 1024));
  GPUAAS_ASSIGN_OR_RETURN(input.password, OptionalString(body, "password", 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto admin, OptionalBool(body, "platform_admin"));
  input.platform_admin = admin.value_or(false);
  GPUAAS_ASSIGN_OR_RETURN(const auto created, users_.Create(CallerOf(request), input));
  boost::json::object reply{{"user", UserJson(created.user)}};
  if (created.initial_password) reply["initial_password"] = *created.initial_password;
  auto response = JsonReply(201, reply);
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<net::Response> UserAdminHandlers::Get(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto user, users_.Get(CallerOf(request), request.Param("user_id")));
  return JsonReply(200, UserJson(user));
}

Result<net::Response> UserAdminHandlers::Update(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"status", "platform_admin"}));
  services::AdminUserUpdate update;
  GPUAAS_ASSIGN_OR_RETURN(update.status, OptionalString(body, "status", 32));
  GPUAAS_ASSIGN_OR_RETURN(update.platform_admin, OptionalBool(body, "platform_admin"));
  GPUAAS_ASSIGN_OR_RETURN(const auto user, users_.Update(CallerOf(request), request.Param("user_id"), update));
  return JsonReply(200, UserJson(user));
}

Result<net::Response> UserAdminHandlers::Unlock(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto user, users_.Unlock(CallerOf(request), request.Param("user_id")));
  return JsonReply(200, UserJson(user));
}

}  // namespace gpuaas::api
