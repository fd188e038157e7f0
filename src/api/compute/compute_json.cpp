#include "api/compute/compute_json.hpp"

#include <boost/json.hpp>

#include "api/access/access_json.hpp"
#include "api/handler_support.hpp"
#include "services/compute/compute_rules.hpp"
#include "services/compute/workload_read_model.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {
namespace {

boost::json::array Strings(const std::vector<std::string>& values) {
  boost::json::array array;
  for (const auto& value : values) array.push_back(boost::json::value(value));
  return array;
}

boost::json::object ParsedObject(const std::optional<std::string>& text) {
  if (!text) return {};
  boost::system::error_code ec;
  auto parsed = boost::json::parse(*text, ec);
  return !ec && parsed.is_object() ? parsed.as_object() : boost::json::object{};
}

std::string TextIn(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

boost::json::array GpuIndexes(const repositories::WorkloadRecord& w) {
  boost::json::array indexes;
  if (!w.first_gpu || !services::HoldsCapacity(w.state)) return indexes;
  for (std::int64_t i = *w.first_gpu; i < *w.first_gpu + w.gpus; ++i) indexes.push_back(i);
  return indexes;
}

boost::json::object ConnectJson(const repositories::WorkloadRecord& w) {
  const auto connection = ParsedObject(w.connection);
  const bool active = w.state == "active";
  const auto user = TextIn(connection, "ssh_user");
  const auto host = w.node_hostname.value_or("");
  boost::json::object json{
      {"available", active},
      {"reason", active ? boost::json::value(nullptr)
                        : boost::json::value("Connect once the workload is active; it is " + w.state)},
      {"ssh_user", user.empty() ? boost::json::value(nullptr) : boost::json::value(user)},
      {"host", host.empty() ? boost::json::value(nullptr) : boost::json::value(host)},
      {"port", active ? boost::json::value(22) : boost::json::value(nullptr)},
      {"ssh_command", nullptr},
      {"terminal", active}};
  if (active && !user.empty() && !host.empty()) json["ssh_command"] = "ssh " + user + "@" + host;
  return json;
}

// The node's last telemetry, cut to the workload's GPUs.
boost::json::object MetricsJson(const services::WorkloadDetail& detail) {
  boost::json::array gpus;
  const auto& w = detail.workload;
  if (detail.node_telemetry && w.first_gpu) {
    boost::system::error_code ec;
    const auto samples = boost::json::parse(*detail.node_telemetry, ec);
    if (!ec && samples.is_array()) {
      for (const auto& sample : samples.as_array()) {
        if (!sample.is_object()) continue;
        const auto* index = sample.as_object().if_contains("index");
        if (index == nullptr || !index->is_number()) continue;
        const auto i = index->to_number<std::int64_t>();
        if (i >= *w.first_gpu && i < *w.first_gpu + w.gpus) gpus.push_back(sample);
      }
    }
  }
  return {{"gpus", std::move(gpus)}, {"at", TimeOrNull(detail.telemetry_at)}};
}

}  // namespace

boost::json::object SkuJson(const services::SkuOffer& offer) {
  const auto& sku = offer.sku;
  return {{"id", sku.id},
          {"name", sku.name},
          {"title", sku.title},
          {"gpu_model", sku.gpu_model},
          {"gpus", sku.gpus},
          {"vcpu", sku.vcpu},
          {"memory_gib", sku.memory_gib},
          {"disk_gib", sku.disk_gib},
          {"hourly_price_micros", sku.hourly_price_micros},
          {"currency", sku.currency},
          {"regions", Strings(sku.regions)},
          {"state", sku.state},
          {"entitled", offer.entitled ? boost::json::value(*offer.entitled) : boost::json::value(nullptr)},
          {"availability",
           {{"available", offer.availability.available},
            {"capacity", offer.availability.capacity},
            {"state", offer.availability.state}}}};
}

boost::json::object WorkloadJson(const repositories::WorkloadRecord& w, Timestamp now) {
  const auto attention = services::AttentionOf(w);
  const auto connection = ParsedObject(w.connection);
  const auto isolation = TextIn(connection, "isolation");
  boost::json::value node_json = nullptr;
  if (w.node_id) node_json = boost::json::object{{"id", *w.node_id}, {"name", w.node_name.value_or(*w.node_id)}};
  boost::json::value primary = nullptr;
  if (attention.primary_action_kind) {
    primary = boost::json::object{{"kind", *attention.primary_action_kind}, {"label", *attention.primary_action_label}};
  }
  return {{"id", w.id},
          {"name", w.name},
          {"project_id", w.project_id},
          {"owner", {{"id", w.owner_id}, {"label", w.owner_label}}},
          {"kind", "compute"},
          {"sku",
           {{"id", w.sku_id},
            {"name", w.sku_name},
            {"title", w.sku_title},
            {"gpu_model", w.gpu_model},
            {"gpus", w.gpus},
            {"hourly_price_micros", w.hourly_price_micros}}},
          {"state", w.state},
          {"state_reason", StringOrNull(w.state_reason)},
          {"queue_reason", StringOrNull(w.queue_reason)},
          {"node", std::move(node_json)},
          {"gpu_indexes", GpuIndexes(w)},
          {"created_at", FormatRfc3339(w.created_at)},
          {"updated_at", FormatRfc3339(w.updated_at)},
          {"timestamps",
           {{"requested_at", FormatRfc3339(w.requested_at)},
            {"queued_at", TimeOrNull(w.queued_at)},
            {"provisioning_at", TimeOrNull(w.provisioning_at)},
            {"active_at", TimeOrNull(w.active_at)},
            {"releasing_at", TimeOrNull(w.releasing_at)},
            {"released_at", TimeOrNull(w.released_at)},
            {"failed_at", TimeOrNull(w.failed_at)}}},
          {"hourly_price_micros", w.hourly_price_micros},
          {"accrued_micros", services::AccruedMicros(w, now)},
          {"is_actionable", attention.is_actionable},
          {"action_required", StringOrNull(attention.action_required)},
          {"actionable_until", TimeOrNull(attention.actionable_until)},
          {"archived_at", TimeOrNull(w.archived_at)},
          {"primary_action", std::move(primary)},
          {"next_steps", Strings(attention.next_steps)},
          {"isolation", isolation.empty() ? boost::json::value(nullptr) : boost::json::value(isolation)}};
}

boost::json::object WorkloadDetailJson(const services::WorkloadDetail& detail, Timestamp now) {
  const auto& w = detail.workload;
  auto json = WorkloadJson(w, now);
  boost::json::array timeline;
  for (const auto& entry : services::TimelineOf(w)) {
    timeline.push_back({{"state", entry.state}, {"at", FormatRfc3339(entry.at)}, {"note", nullptr}});
  }
  json["timeline"] = std::move(timeline);
  json["connect"] = ConnectJson(w);
  json["metrics"] = MetricsJson(detail);
  json["storage"] = {{"items", boost::json::array{}}};
  boost::json::array fingerprints;
  boost::system::error_code ec;
  const auto keys = boost::json::parse(w.ssh_keys, ec);
  if (!ec && keys.is_array()) {
    for (const auto& key : keys.as_array()) {
      if (key.is_object()) fingerprints.push_back(boost::json::value(TextIn(key.as_object(), "fingerprint")));
    }
  }
  json["config"] = {
      {"sku", w.sku_name},
      {"gpus", w.gpus},
      {"gpu_indexes", GpuIndexes(w)},
      {"cuda_visible_devices", w.first_gpu ? boost::json::value(services::CudaVisibleDevices(*w.first_gpu, w.gpus))
                                           : boost::json::value(nullptr)},
      {"runtime", "process"},
      {"ssh_key_fingerprints", std::move(fingerprints)},
      {"region", w.regions.empty() ? boost::json::value("any") : boost::json::value(w.regions.front())}};
  return json;
}

}  // namespace gpuaas::api
