#include "api/evidence/audit_handlers.hpp"

#include <boost/json.hpp>

#include <charconv>

#include "api/handler_support.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"
#include "shared/csv.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {
namespace {

using repositories::AuditFilter;
using repositories::AuditRecord;

struct ParsedQuery {
  AuditFilter filter;
  std::optional<std::string> cursor;
};

Result<std::optional<Timestamp>> TimeParam(const net::QueryParams& query, std::string_view name) {
  const auto text = query.Find(name);
  if (!text || text->empty()) return std::optional<Timestamp>();
  auto parsed = ParseRfc3339(*text);
  if (!parsed) return Error::InvalidArgument(std::string(name), "must be an RFC 3339 time");
  return std::optional<Timestamp>(*parsed);
}

Result<ParsedQuery> ParseFilter(const net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
  constexpr std::string_view kKnown[] = {"actor_id",   "action", "target_type", "target_id", "project_id", "outcome",
                                         "request_id", "since",  "until",       "cursor",    "limit"};
  for (const auto& [name, value] : query.entries()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), name) == std::end(kKnown)) {
      return Error::InvalidArgument(name, "unknown query parameter");
    }
    if (value.size() > 300) return Error::InvalidArgument(name, "must be at most 300 characters");
  }
  ParsedQuery parsed;
  auto& filter = parsed.filter;
  const auto text = [&](std::string_view name) -> std::optional<std::string> {
    auto value = query.Find(name);
    return value && !value->empty() ? value : std::nullopt;
  };
  filter.actor_id = text("actor_id");
  filter.action = text("action");
  filter.target_type = text("target_type");
  filter.target_id = text("target_id");
  filter.project_id = text("project_id");
  filter.request_id = text("request_id");
  filter.outcome = text("outcome");
  if (filter.outcome && *filter.outcome != "allowed" && *filter.outcome != "denied" && *filter.outcome != "failed") {
    return Error::InvalidArgument("outcome", "must be allowed, denied or failed");
  }
  GPUAAS_ASSIGN_OR_RETURN(filter.since, TimeParam(query, "since"));
  GPUAAS_ASSIGN_OR_RETURN(filter.until, TimeParam(query, "until"));
  if (const auto limit = text("limit")) {
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc() || ptr != limit->data() + limit->size()) {
      return Error::InvalidArgument("limit", "must be an integer");
    }
    filter.limit = value;
  }
  parsed.cursor = text("cursor");
  return parsed;
}

boost::json::object AuditJson(const AuditRecord& record) {
  boost::system::error_code ec;
  auto metadata = boost::json::parse(record.metadata, ec);
  if (ec || !metadata.is_object()) metadata = boost::json::object{};
  const auto optional = [](const std::optional<std::string>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
  };
  return {{"id", record.id},
          {"occurred_at", FormatRfc3339(record.occurred_at)},
          {"actor_type", record.actor_type},
          {"actor_id", record.actor_id},
          {"actor_label", record.actor_label},
          {"action", record.action},
          {"target_type", record.target_type},
          {"target_id", record.target_id},
          {"project_id", optional(record.project_id)},
          {"tenant_id", optional(record.tenant_id)},
          {"request_id", record.request_id},
          {"client_ip", record.client_ip},
          {"outcome", record.outcome},
          {"metadata", std::move(metadata)}};
}

}  // namespace

Result<net::Response> AuditHandlers::List(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(auto parsed, ParseFilter(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto page, audit_.List(CallerOf(request), parsed.filter, parsed.cursor));
  boost::json::array items;
  for (const auto& record : page.items) items.push_back(AuditJson(record));
  return JsonReply(200, boost::json::object{{"items", std::move(items)},
                                            {"next_cursor", page.next_cursor ? boost::json::value(*page.next_cursor)
                                                                             : boost::json::value(nullptr)}});
}

Result<net::Response> AuditHandlers::Get(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto record, audit_.Get(CallerOf(request), request.Param("audit_id")));
  return JsonReply(200, AuditJson(record));
}

Result<net::Response> AuditHandlers::Export(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(auto parsed, ParseFilter(request));
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, audit_.Export(CallerOf(request), parsed.filter));
  std::string csv;
  AppendCsvRow(csv, {"id", "occurred_at", "actor_type", "actor_id", "actor_label", "action", "target_type", "target_id",
                     "project_id", "tenant_id", "request_id", "client_ip", "outcome", "metadata"});
  for (const auto& r : rows) {
    const auto occurred = FormatRfc3339(r.occurred_at);
    AppendCsvRow(
        csv, {r.id, occurred, r.actor_type, r.actor_id, r.actor_label, r.action, r.target_type, r.target_id,
              r.project_id.value_or(""), r.tenant_id.value_or(""), r.request_id, r.client_ip, r.outcome, r.metadata});
  }
  auto response = net::Response::Text(200, std::move(csv), "text/csv; charset=utf-8");
  response.headers.Add("Content-Disposition", "attachment; filename=\"gpuaas-audit.csv\"");
  return response;
}

}  // namespace gpuaas::api
