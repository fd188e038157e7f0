#include "api/operations/operation_handlers.hpp"

#include <boost/json.hpp>

#include "api/handler_support.hpp"
#include "api/json_fields.hpp"
#include "api/operations/operation_json.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"

namespace gpuaas::api {

net::Handler OperationHandlers::Catalogue(std::string target_type, std::string param, std::string fixed_id) {
  return [this, target_type = std::move(target_type), param = std::move(param),
          fixed_id = std::move(fixed_id)](net::Request& request) -> Result<net::Response> {
    const auto id = fixed_id.empty() ? std::string(request.Param(param)) : fixed_id;
    GPUAAS_ASSIGN_OR_RETURN(const auto catalog, operations_.Catalogue(CallerOf(request), target_type, id));
    return JsonReply(200, CatalogJson(catalog));
  };
}

Result<net::Response> OperationHandlers::Start(net::Request& request) {
  const auto& body = request.json.as_object();
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(body, {"kind", "target", "params", "confirmation"}));
  services::StartOperationInput input;
  GPUAAS_ASSIGN_OR_RETURN(input.kind, RequiredString(body, "kind", 64));
  const auto* target = body.if_contains("target");
  if (target == nullptr || !target->is_object()) {
    return Error::InvalidArgument("target", "must be an object {\"type\", \"id\"}");
  }
  GPUAAS_RETURN_IF_ERROR(RejectUnknownFields(target->as_object(), {"type", "id"}));
  auto type = RequiredString(target->as_object(), "type", 64);
  if (!type) return Error::InvalidArgument("target.type", "is required");
  auto id = RequiredString(target->as_object(), "id", 128);
  if (!id) return Error::InvalidArgument("target.id", "is required");
  input.target_type = std::move(*type);
  input.target_id = std::move(*id);
  if (const auto* params = body.if_contains("params"); params != nullptr && !params->is_null()) {
    if (!params->is_object()) return Error::InvalidArgument("params", "must be an object");
    input.params = params->as_object();
  }
  GPUAAS_ASSIGN_OR_RETURN(input.confirmation, OptionalString(body, "confirmation", 512));
  GPUAAS_ASSIGN_OR_RETURN(const auto view, operations_.Start(CallerOf(request), input));
  auto response = JsonReply(202, OperationViewJson(view));
  response.headers.Add("Location", "/api/v1/operations/" + view.operation.id);
  return response;
}

Result<net::Response> OperationHandlers::Get(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, operations_.Get(CallerOf(request), request.Param("operation_id")));
  return JsonReply(200, OperationViewJson(view));
}

Result<net::Response> OperationHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  GPUAAS_RETURN_IF_ERROR(
      query.OnlyKnown({"target_type", "target_id", "kind", "state", "requester_id", "cursor", "limit"}));
  services::OperationListQuery list;
  list.target_type = query.Text("target_type");
  list.target_id = query.Text("target_id");
  list.kind = query.Text("kind");
  list.state = query.Text("state");
  list.requester_id = query.Text("requester_id");
  list.cursor = query.Text("cursor");
  GPUAAS_ASSIGN_OR_RETURN(const auto limit, query.Int("limit", 1, 200));
  list.limit = static_cast<int>(limit.value_or(50));
  GPUAAS_ASSIGN_OR_RETURN(const auto page, operations_.List(CallerOf(request), list));
  boost::json::array items;
  for (const auto& op : page.operations) items.push_back(OperationSummaryJson(op));
  return JsonReply(200, boost::json::object{{"items", std::move(items)},
                                            {"next_cursor", page.next_cursor ? boost::json::value(*page.next_cursor)
                                                                             : boost::json::value(nullptr)}});
}

Result<net::Response> OperationHandlers::Cancel(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, operations_.Cancel(CallerOf(request), request.Param("operation_id")));
  return JsonReply(202, OperationViewJson(view));
}

Result<net::Response> OperationHandlers::Retry(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, operations_.Retry(CallerOf(request), request.Param("operation_id")));
  return JsonReply(202, OperationViewJson(view));
}

}  // namespace gpuaas::api
