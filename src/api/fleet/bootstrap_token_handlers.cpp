#include "api/fleet/bootstrap_token_handlers.hpp"

#include "api/fleet/fleet_json.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"

namespace gpuaas::api {

std::string BootstrapTokenHandlers::ServerUrl(const net::Request& request) const {
  if (!public_origin_.empty()) return public_origin_;
  return "http://" + std::string(request.headers.Find("Host"));
}

Result<net::Response> BootstrapTokenHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"state"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto tokens, tokens_.List(CallerOf(request), query.Text("state")));
  const auto now = clock_.Now();
  boost::json::array items;
  for (const auto& token : tokens) items.push_back(BootstrapTokenJson(token, now));
  return JsonReply(200, boost::json::object{{"items", std::move(items)}});
}

Result<net::Response> BootstrapTokenHandlers::Create(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"site_id", "profile", "ttl_minutes", "node_id"}));
  services::NewBootstrapToken input;
  GPUAAS_ASSIGN_OR_RETURN(input.site_id, RequiredString(body, "site_id", 64));
  GPUAAS_ASSIGN_OR_RETURN(input.profile, RequiredString(body, "profile", 64));
  GPUAAS_ASSIGN_OR_RETURN(const auto ttl, OptionalInt(body, "ttl_minutes"));
  input.ttl_minutes = ttl.value_or(60);
  GPUAAS_ASSIGN_OR_RETURN(input.node_id, OptionalString(body, "node_id", 64));
  input.server_url = ServerUrl(request);
  GPUAAS_ASSIGN_OR_RETURN(const auto created, tokens_.Create(CallerOf(request), input));
  auto response = JsonReply(201, boost::json::object{{"token", BootstrapTokenJson(created.token, clock_.Now())},
                                                     {"secret", created.secret},
                                                     {"command", created.command}});
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

Result<net::Response> BootstrapTokenHandlers::Get(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, tokens_.Get(CallerOf(request), request.Param("token_id")));
  const auto now = clock_.Now();
  boost::json::value node = nullptr;
  if (view.node) node = NodeSummaryJson(*view.node, services::CertificateState(*view.node, now));
  return JsonReply(200, boost::json::object{{"token", BootstrapTokenJson(view.token, now)},
                                            {"progress", OnboardingProgressJson(view.progress)},
                                            {"node", std::move(node)}});
}

Result<net::Response> BootstrapTokenHandlers::Revoke(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(tokens_.Revoke(CallerOf(request), request.Param("token_id")));
  return NoContent();
}

}  // namespace gpuaas::api
