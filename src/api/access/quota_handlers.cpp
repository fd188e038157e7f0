#include "api/access/quota_handlers.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <utility>
#include <vector>

#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {
namespace {

boost::json::value LimitJson(const std::optional<std::int64_t>& limit) {
  if (!limit) return nullptr;
  return boost::json::value(*limit);
}

boost::json::object RuleJson(const repositories::QuotaRuleRecord& rule) {
  return {{"scope", rule.scope},
          {"scope_id", rule.scope_id},
          {"max_gpus", LimitJson(rule.max_gpus)},
          {"max_workloads", LimitJson(rule.max_workloads)},
          {"updated_at", FormatRfc3339(rule.updated_at)},
          {"updated_by", rule.updated_by}};
}

boost::json::object PolicyJson(const services::QuotaPolicyView& view) {
  boost::json::object platform{{"max_gpus", nullptr}, {"max_workloads", nullptr}, {"updated_at", nullptr}};
  if (view.platform) {
    platform["max_gpus"] = LimitJson(view.platform->max_gpus);
    platform["max_workloads"] = LimitJson(view.platform->max_workloads);
    platform["updated_at"] = FormatRfc3339(view.platform->updated_at);
  }
  boost::json::array overrides;
  for (const auto& rule : view.overrides) overrides.push_back(RuleJson(rule));
  return {{"platform", std::move(platform)}, {"overrides", std::move(overrides)}};
}

boost::json::object HeadroomJson(const services::HeadroomView& view) {
  boost::json::array resources;
  for (const auto& resource : view.resources) {
    resources.push_back(boost::json::object{{"resource", resource.resource},
                                            {"used", resource.used},
                                            {"limit", LimitJson(resource.limit)},
                                            {"headroom", LimitJson(resource.headroom)},
                                            {"source", resource.source}});
  }
  return {{"project_id", view.project_id},
          {"usage_state", view.usage_state},
          {"usage_reason", view.usage_reason},
          {"resources", std::move(resources)}};
}

boost::json::object SettingJson(const services::EntitlementSetting& setting) {
  boost::json::array allowed;
  for (const auto& item : setting.allowed) allowed.emplace_back(item);
  return {{"mode", setting.mode}, {"allowed", std::move(allowed)}};
}

boost::json::object EntitlementJson(const services::EntitlementView& view) {
  return {{"project_id", view.project_id}, {"skus", SettingJson(view.skus)}, {"apps", SettingJson(view.apps)}};
}

// Both limits must be present; each is an integer, or null for unlimited.
struct Limits {
  std::optional<std::int64_t> max_gpus;
  std::optional<std::int64_t> max_workloads;
};

Result<std::optional<std::int64_t>> RequiredLimit(const boost::json::object& body, std::string_view name) {
  GPUAAS_ASSIGN_OR_RETURN(const auto limit, OptionalNullableInt(body, name));
  if (!limit.present)
    return Error::InvalidArgument(std::string(name), "is required (an integer, or null for unlimited)");
  return limit.value;
}

Result<Limits> ParseLimits(const net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"max_gpus", "max_workloads"}));
  Limits limits;
  GPUAAS_ASSIGN_OR_RETURN(limits.max_gpus, RequiredLimit(body, "max_gpus"));
  GPUAAS_ASSIGN_OR_RETURN(limits.max_workloads, RequiredLimit(body, "max_workloads"));
  return limits;
}

// {"mode": "...", "allowed": [...]} under `name` ("skus" or "apps"); errors name e.g. skus.mode.
Result<services::EntitlementSetting> ParseSetting(const boost::json::object& body, std::string_view name) {
  const std::string field(name);
  const auto* value = body.if_contains(name);
  if (value == nullptr || value->is_null()) return Error::InvalidArgument(field, "is required");
  if (!value->is_object()) return Error::InvalidArgument(field, "must be an object with mode and allowed");
  const auto& object = value->get_object();
  for (const auto& entry : object) {
    if (entry.key() != "mode" && entry.key() != "allowed") {
      return Error::InvalidArgument(field + "." + std::string(entry.key()), "unknown field");
    }
  }
  services::EntitlementSetting setting;
  GPUAAS_ASSIGN_OR_RETURN(setting.mode, RequiredString(object, "mode", 32));
  const auto* allowed = object.if_contains("allowed");
  if (allowed == nullptr || allowed->is_null()) return setting;
  if (!allowed->is_array()) return Error::InvalidArgument(field + ".allowed", "must be an array of strings");
  for (const auto& item : allowed->get_array()) {
    if (!item.is_string()) return Error::InvalidArgument(field + ".allowed", "must be an array of strings");
    setting.allowed.emplace_back(item.get_string().data(), item.get_string().size());
  }
  return setting;
}

}  // namespace

Result<net::Response> QuotaHandlers::Policy(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto policy, quotas_.Policy(CallerOf(request)));
  return JsonReply(200, PolicyJson(policy));
}

Result<net::Response> QuotaHandlers::SetPlatform(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto limits, ParseLimits(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto rule,
                          quotas_.SetPlatform(CallerOf(request), limits.max_gpus, limits.max_workloads));
  return JsonReply(200, RuleJson(rule));
}

Result<net::Response> QuotaHandlers::SetProject(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto limits, ParseLimits(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto rule, quotas_.SetProject(CallerOf(request), request.Param("project_id"),
                                                              limits.max_gpus, limits.max_workloads));
  return JsonReply(200, RuleJson(rule));
}

Result<net::Response> QuotaHandlers::ClearProject(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(quotas_.ClearProject(CallerOf(request), request.Param("project_id")));
  return NoContent();
}

Result<net::Response> QuotaHandlers::SetUser(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto limits, ParseLimits(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto rule, quotas_.SetUser(CallerOf(request), request.Param("user_id"), limits.max_gpus,
                                                           limits.max_workloads));
  return JsonReply(200, RuleJson(rule));
}

Result<net::Response> QuotaHandlers::ClearUser(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(quotas_.ClearUser(CallerOf(request), request.Param("user_id")));
  return NoContent();
}

Result<net::Response> QuotaHandlers::Headroom(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, quotas_.Headroom(CallerOf(request), request.Param("project_id")));
  return JsonReply(200, HeadroomJson(view));
}

Result<net::Response> QuotaHandlers::GetEntitlements(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, entitlements_.Get(CallerOf(request), request.Param("project_id")));
  return JsonReply(200, EntitlementJson(view));
}

Result<net::Response> QuotaHandlers::SetEntitlements(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"skus", "apps"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto skus, ParseSetting(body, "skus"));
  GPUAAS_ASSIGN_OR_RETURN(const auto apps, ParseSetting(body, "apps"));
  GPUAAS_ASSIGN_OR_RETURN(const auto view, entitlements_.Set(CallerOf(request), request.Param("project_id"), skus.mode,
                                                             skus.allowed, apps.mode, apps.allowed));
  return JsonReply(200, EntitlementJson(view));
}

}  // namespace gpuaas::api
