#include "api/fleet/fleet_json.hpp"

#include <boost/json.hpp>

#include "api/handler_support.hpp"
#include "shared/build_info.hpp"
#include "shared/pki/renewal.hpp"
#include "shared/rfc3339.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::api {
namespace {

boost::json::value TimeOrNull(const std::optional<Timestamp>& time) {
  return time ? boost::json::value(FormatRfc3339(*time)) : boost::json::value(nullptr);
}

// A stored JSON column, or `fallback` when empty or unreadable.
boost::json::value StoredJson(const std::optional<std::string>& text, boost::json::value fallback) {
  if (!text) return fallback;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(*text, ec);
  return ec ? fallback : parsed;
}

// Slots a node offers under its profile: the largest first, each a run of GPU indexes.
boost::json::array SlotsJson(const repositories::NodeRecord& node) {
  boost::json::array slots;
  const auto* profile = services::FindNodeProfile(node.profile);
  if (profile == nullptr || node.state == "retired") return slots;
  for (const int size : services::SliceSizesFor(*profile, node.gpu_count)) {
    for (std::int64_t first = 0; first + size <= node.gpu_count; first += size) {
      boost::json::array indexes;
      for (std::int64_t i = first; i < first + size; ++i) indexes.push_back(i);
      slots.push_back({{"id", std::to_string(size) + "x@" + std::to_string(first)},
                       {"size", size},
                       {"gpu_indexes", std::move(indexes)},
                       {"state", "free"}});
    }
  }
  return slots;
}

}  // namespace

boost::json::value SiteJson(const repositories::SiteRecord& site) {
  return {{"id", site.id},
          {"name", site.name},
          {"region", site.region},
          {"description", site.description},
          {"node_count", site.node_count},
          {"created_at", FormatRfc3339(site.created_at)}};
}

boost::json::value NodeProfileJson(const services::NodeProfile& profile) {
  boost::json::array sizes;
  for (const int size : profile.slice_sizes) sizes.push_back(size);
  return {{"id", profile.id},
          {"title", profile.title},
          {"description", profile.description},
          {"slice_sizes", std::move(sizes)}};
}

boost::json::value BootstrapTokenJson(const repositories::BootstrapTokenRecord& token, Timestamp now) {
  return {{"id", token.id},
          {"site_id", token.site_id},
          {"site_name", token.site_name},
          {"profile", token.profile},
          {"purpose", token.purpose},
          {"node_id", StringOrNull(token.node_id)},
          {"state", services::BootstrapTokenState(token, now)},
          {"created_by", token.created_by},
          {"created_at", FormatRfc3339(token.created_at)},
          {"expires_at", FormatRfc3339(token.expires_at)},
          {"used_at", TimeOrNull(token.used_at)},
          {"revoked_at", TimeOrNull(token.revoked_at)}};
}

boost::json::value OnboardingProgressJson(const services::OnboardingProgress& p) {
  return {{"token_used", p.token_used},
          {"enrolled", p.enrolled},
          {"first_heartbeat", p.first_heartbeat},
          {"certificate_valid", p.certificate_valid},
          {"inventory_received", p.inventory_received},
          {"ready", p.ready}};
}

boost::json::object NodeSummaryJson(const repositories::NodeRecord& node, std::string_view certificate_state) {
  const auto last_heartbeat =
      node.last_heartbeat_us ? std::optional<Timestamp>(Timestamp(std::chrono::microseconds(*node.last_heartbeat_us)))
                             : std::nullopt;
  return {{"id", node.id},
          {"name", node.name},
          {"hostname", node.hostname},
          {"site_id", node.site_id},
          {"site_name", node.site_name},
          {"profile", node.profile},
          {"state", node.state},
          {"connected", node.connected},
          {"schedulable", node.state == "online" && node.scheduling == "schedulable"},
          {"simulated", node.simulated},
          {"gpu_model", StringOrNull(node.gpu_model)},
          {"gpu_count", node.gpu_count},
          {"agent_version", StringOrNull(node.agent_version)},
          {"last_heartbeat_at", TimeOrNull(last_heartbeat)},
          {"certificate", {{"state", certificate_state}, {"not_after", TimeOrNull(node.cert_not_after)}}},
          {"enrolled_at", FormatRfc3339(node.enrolled_at)},
          {"updated_at", FormatRfc3339(node.updated_at)}};
}

boost::json::value NodeDetailJson(const services::NodeView& view, const services::FleetSettings& settings,
                                  Timestamp now) {
  const auto& node = view.node;
  auto json = NodeSummaryJson(node, view.certificate_state);
  const auto desired = settings.desired_agent_version.value_or(std::string(GetBuildInfo().version));
  boost::json::value age = nullptr;
  boost::json::value renewal_due = nullptr;
  if (node.cert_not_before && node.cert_not_after) {
    age = std::chrono::duration_cast<std::chrono::seconds>(now - *node.cert_not_before).count();
    renewal_due = FormatRfc3339(pki::RenewalTime(*node.cert_not_before, *node.cert_not_after));
  }
  json["posture"] = {
      {"desired_agent_version", desired},
      {"version_drift", node.agent_version.has_value() &&
                            wire::fleet::ReleaseOf(*node.agent_version) != wire::fleet::ReleaseOf(desired)},
      {"heartbeat_interval_seconds", settings.heartbeat_interval.count()},
      {"offline_after_seconds", settings.offline_after.count()},
      {"connected_since", node.connected ? TimeOrNull(node.connected_since) : boost::json::value(nullptr)},
      {"certificate",
       {{"state", view.certificate_state},
        {"serial", StringOrNull(node.cert_serial)},
        {"not_before", TimeOrNull(node.cert_not_before)},
        {"not_after", TimeOrNull(node.cert_not_after)},
        {"age_seconds", age},
        {"renewal_due_at", renewal_due},
        {"last_renewal_at", TimeOrNull(node.last_renewal_at)},
        {"last_renewal_error", StringOrNull(node.last_renewal_error)}}}};
  const auto inventory = StoredJson(node.inventory, nullptr);
  json["inventory"] = inventory;
  json["telemetry"] = {{"at", TimeOrNull(node.telemetry_at)},
                       {"gpus", StoredJson(node.telemetry, boost::json::array{})}};
  json["slots"] = SlotsJson(node);
  boost::json::array capabilities;
  if (inventory.is_object()) {
    if (const auto* runtimes = inventory.as_object().if_contains("runtimes"); runtimes && runtimes->is_array()) {
      for (const auto& runtime : runtimes->as_array()) capabilities.push_back(runtime);
    }
  }
  json["capabilities"] = std::move(capabilities);
  json["workloads"] = boost::json::array{};
  return json;
}

boost::json::value NodeTaskJson(const repositories::NodeTaskRecord& task) {
  return {{"id", task.id},
          {"kind", task.kind},
          {"state", task.state},
          {"operation_id", StringOrNull(task.operation_id)},
          {"result", StoredJson(task.result, boost::json::object{})},
          {"error", StringOrNull(task.error)},
          {"created_at", FormatRfc3339(task.created_at)},
          {"updated_at", FormatRfc3339(task.updated_at)}};
}

boost::json::value SetupItemJson(const services::SetupItem& item) {
  return {{"id", item.id},
          {"title", item.title},
          {"state", item.state},
          {"owner", item.owner},
          {"next_action", item.next_action},
          {"detail", item.detail},
          {"evidence_link", StringOrNull(item.evidence_link)}};
}

}  // namespace gpuaas::api
