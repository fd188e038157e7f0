#include "api/compute/compute_handlers.hpp"

#include "api/compute/compute_json.hpp"
#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"

namespace gpuaas::api {

Result<net::Response> ComputeHandlers::Catalog(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"project"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto offers, skus_.Catalog(CallerOf(request), query.Text("project")));
  boost::json::array items;
  for (const auto& offer : offers) items.push_back(SkuJson(offer));
  return JsonReply(200, boost::json::object{{"items", std::move(items)}});
}

Result<net::Response> ComputeHandlers::Launch(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(
      RejectUnknownFields(body, {"project", "sku", "count", "name", "ssh_key_ids", "ssh_public_key"}));
  services::LaunchInput input;
  GPUAAS_ASSIGN_OR_RETURN(input.project_id, RequiredString(body, "project", 100));
  GPUAAS_ASSIGN_OR_RETURN(input.sku, RequiredString(body, "sku", 100));
  GPUAAS_ASSIGN_OR_RETURN(input.name, RequiredString(body, "name", 63));
  GPUAAS_ASSIGN_OR_RETURN(const auto count, OptionalInt(body, "count"));
  input.count = count.value_or(1);
  GPUAAS_ASSIGN_OR_RETURN(const auto keys, OptionalStringArray(body, "ssh_key_ids"));
  input.ssh_key_ids = keys.value_or(std::vector<std::string>{});
  GPUAAS_ASSIGN_OR_RETURN(input.ssh_public_key, OptionalString(body, "ssh_public_key", 16 * 1024));
  GPUAAS_ASSIGN_OR_RETURN(const auto launched, workloads_.Launch(CallerOf(request), input));
  const auto now = clock_.Now();
  boost::json::array items;
  for (const auto& workload : launched) items.push_back(WorkloadJson(workload, now));
  return JsonReply(202, boost::json::object{{"items", std::move(items)}});
}

Result<net::Response> ComputeHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"project", "view", "cursor", "limit"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto limit, query.Int("limit", 1, 200));
  services::WorkloadListQuery list{query.Text("project"), services::WorkloadView::kDefault, query.Text("cursor"),
                                   static_cast<int>(limit.value_or(50))};
  const auto view = query.Text("view").value_or("default");
  if (view == "history") {
    list.view = services::WorkloadView::kHistory;
  } else if (view == "all") {
    list.view = services::WorkloadView::kAll;
  } else if (view != "default") {
    return Error::InvalidArgument("view", "must be default, history or all");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto page, workloads_.List(CallerOf(request), list));
  const auto now = clock_.Now();
  boost::json::array items;
  for (const auto& workload : page.items) items.push_back(WorkloadJson(workload, now));
  return JsonReply(
      200,
      boost::json::object{
          {"items", std::move(items)},
          {"next_cursor", StringOrNull(page.next_cursor)},
          {"counts", {{"default", page.count_default}, {"history", page.count_history}, {"all", page.count_all}}}});
}

Result<net::Response> ComputeHandlers::Get(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto detail, workloads_.Detail(CallerOf(request), request.Param("workload_id")));
  return JsonReply(200, WorkloadDetailJson(detail, clock_.Now()));
}

}  // namespace gpuaas::api
