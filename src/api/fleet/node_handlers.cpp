#include "api/fleet/node_handlers.hpp"

#include "api/fleet/fleet_json.hpp"
#include "api/handler_support.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"

namespace gpuaas::api {

Result<net::Response> NodeHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"state", "site_id", "gpu_model", "q", "cursor", "limit"}));
  GPUAAS_ASSIGN_OR_RETURN(const auto limit, query.Int("limit", 1, 200));
  repositories::NodeFilter filter{query.Text("state"), query.Text("site_id"), query.Text("gpu_model"),
                                  query.Text("q"),     query.Text("cursor"),  limit.value_or(50)};
  GPUAAS_ASSIGN_OR_RETURN(const auto page, nodes_.List(CallerOf(request), filter));
  boost::json::array items;
  for (const auto& view : page.items) items.push_back(NodeSummaryJson(view.node, view.certificate_state));
  boost::json::object counts;
  for (const auto& [state, count] : page.counts) counts[state] = count;
  return JsonReply(200, boost::json::object{{"items", std::move(items)},
                                            {"next_cursor", StringOrNull(page.next_cursor)},
                                            {"counts", std::move(counts)}});
}

Result<net::Response> NodeHandlers::Get(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, nodes_.Get(CallerOf(request), request.Param("node_id")));
  return JsonReply(200, NodeDetailJson(view, nodes_.settings(), clock_.Now()));
}

Result<net::Response> NodeHandlers::Tasks(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto tasks, nodes_.Tasks(CallerOf(request), request.Param("node_id")));
  boost::json::array items;
  for (const auto& task : tasks) items.push_back(NodeTaskJson(task));
  return JsonReply(200, boost::json::object{{"items", std::move(items)}});
}

Result<net::Response> NodeHandlers::Setup(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto items, setup_.List(CallerOf(request)));
  boost::json::array json;
  for (const auto& item : items) json.push_back(SetupItemJson(item));
  return JsonReply(200, boost::json::object{{"items", std::move(json)}});
}

}  // namespace gpuaas::api
