#include "api/fleet/site_handlers.hpp"

#include "api/fleet/fleet_json.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::api {

Result<net::Response> SiteHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto sites, sites_.List(CallerOf(request)));
  boost::json::array items;
  for (const auto& site : sites) items.push_back(SiteJson(site));
  return JsonReply(200, boost::json::object{{"items", std::move(items)}});
}

Result<net::Response> SiteHandlers::Create(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"name", "region", "description"}));
  services::NewSite site;
  GPUAAS_ASSIGN_OR_RETURN(site.name, RequiredString(body, "name", 63));
  GPUAAS_ASSIGN_OR_RETURN(site.region, RequiredString(body, "region", 63));
  GPUAAS_ASSIGN_OR_RETURN(const auto description, OptionalString(body, "description", 500));
  site.description = description.value_or("");
  GPUAAS_ASSIGN_OR_RETURN(const auto created, sites_.Create(CallerOf(request), site));
  return JsonReply(201, SiteJson(created));
}

Result<net::Response> SiteHandlers::Profiles(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(services::Authorizer::RequirePlatformAdmin(CallerOf(request)));
  boost::json::array items;
  for (const auto& profile : services::NodeProfiles()) items.push_back(NodeProfileJson(profile));
  return JsonReply(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace gpuaas::api
