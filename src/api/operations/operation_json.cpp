#include "api/operations/operation_json.hpp"

#include <boost/json.hpp>

#include "api/handler_support.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {
namespace {

boost::json::value OptionalTime(const std::optional<Timestamp>& value) {
  return value ? boost::json::value(FormatRfc3339(*value)) : boost::json::value(nullptr);
}

boost::json::value ParsedObject(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(*text, ec);
  return ec ? boost::json::value(nullptr) : parsed;
}

boost::json::object KindJson(const services::OperationKind& kind) {
  boost::json::array evidence;
  for (const auto& item : kind.evidence) evidence.emplace_back(item);
  boost::json::array steps;
  for (const auto& step : services::StepsOf(kind, {})) {
    steps.push_back(boost::json::object{{"name", step.name}, {"title", step.title}});
  }
  return {{"kind", kind.name},
          {"title", kind.title},
          {"description", kind.description},
          {"intent", services::IntentGroupName(kind.intent)},
          {"danger", services::DangerName(kind.danger)},
          {"confirmation", services::ConfirmationName(kind.confirmation)},
          {"expected_result", kind.expected_result},
          {"failure_path", kind.failure_path},
          {"evidence", std::move(evidence)},
          {"cancellable", kind.cancellable},
          {"steps", std::move(steps)}};
}

}  // namespace

boost::json::object OperationSummaryJson(const repositories::OperationRecord& op) {
  boost::json::value error = nullptr;
  if (op.error_code) error = boost::json::object{{"code", *op.error_code}, {"message", op.error_message.value_or("")}};
  return {{"id", op.id},
          {"kind", op.kind},
          {"target", boost::json::object{{"type", op.target_type}, {"id", op.target_id}, {"name", op.target_name}}},
          {"project_id", StringOrNull(op.project_id)},
          {"tenant_id", StringOrNull(op.tenant_id)},
          {"state", op.state},
          {"stage", op.stage},
          {"step_index", op.step_index},
          {"step_count", op.step_count},
          {"attempt", op.attempt},
          {"max_attempts", op.max_attempts},
          {"cancel_requested", op.cancel_requested},
          {"requester",
           boost::json::object{{"type", op.requester_type}, {"id", op.requester_id}, {"label", op.requester_label}}},
          {"request_id", op.request_id},
          {"result", ParsedObject(op.result)},
          {"error", std::move(error)},
          {"created_at", FormatRfc3339(op.created_at)},
          {"started_at", OptionalTime(op.started_at)},
          {"finished_at", OptionalTime(op.finished_at)},
          {"updated_at", FormatRfc3339(op.updated_at)}};
}

boost::json::object OperationViewJson(const services::OperationView& view) {
  const auto& op = view.operation;
  auto json = OperationSummaryJson(op);
  json["params"] = ParsedObject(op.params);
  if (view.kind != nullptr) {
    json["title"] = view.kind->title;
    json["intent"] = services::IntentGroupName(view.kind->intent);
    json["danger"] = services::DangerName(view.kind->danger);
    json["cancellable"] = view.kind->cancellable;
  } else {
    json["title"] = op.kind;
  }
  boost::json::array steps;
  for (const auto& step : view.steps) {
    steps.push_back(boost::json::object{{"name", step.name}, {"title", step.title}, {"state", step.state}});
  }
  json["steps"] = std::move(steps);
  boost::json::array timeline;
  for (const auto& event : view.timeline) {
    timeline.push_back(boost::json::object{{"seq", event.seq},
                                           {"at", FormatRfc3339(event.occurred_at)},
                                           {"type", event.type},
                                           {"stage", event.stage},
                                           {"attempt", event.attempt},
                                           {"message", event.message}});
  }
  json["timeline"] = std::move(timeline);
  // Where the evidence of this operation lives.
  json["evidence"] = boost::json::object{
      {"audit", "/api/v1/audit?request_id=" + op.request_id},
      {"activity", "/api/v1/activity?resource=" + op.target_type + ":" + op.target_id},
      {"target", view.target_link.empty() ? boost::json::value(nullptr) : boost::json::value(view.target_link)}};
  return json;
}

boost::json::object CatalogJson(const services::OperationCatalog& catalog) {
  boost::json::array operations;
  for (const auto& entry : catalog.operations) {
    auto json = KindJson(*entry.kind);
    if (entry.kind->confirmation == services::Confirmation::kTyped) json["confirmation_text"] = catalog.target.name;
    boost::json::array preconditions;
    for (const auto& result : entry.preconditions) {
      preconditions.push_back(boost::json::object{
          {"id", result.id},
          {"description", result.description},
          {"met", result.met},
          {"reason", result.met ? boost::json::value(nullptr) : boost::json::value(result.reason)}});
    }
    json["preconditions"] = std::move(preconditions);
    json["permitted"] = entry.permitted;
    json["not_permitted_reason"] =
        entry.permitted ? boost::json::value(nullptr) : boost::json::value(entry.not_permitted_reason);
    json["available"] = entry.available();
    operations.push_back(std::move(json));
  }
  const auto& t = catalog.target;
  return {{"target", boost::json::object{{"type", t.type}, {"id", t.id}, {"name", t.name}, {"link", t.link}}},
          {"operations", std::move(operations)}};
}

}  // namespace gpuaas::api
