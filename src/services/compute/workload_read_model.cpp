#include "services/compute/workload_read_model.hpp"

#include <algorithm>

namespace gpuaas::services {

WorkloadAttention AttentionOf(const repositories::WorkloadRecord& w) {
  WorkloadAttention a;
  const auto primary = [&](std::string kind, std::string label) {
    a.primary_action_kind = std::move(kind);
    a.primary_action_label = std::move(label);
  };
  if (w.state == "requested" || w.state == "queued") {
    primary("workload.release", "Cancel");
    a.next_steps = {w.state_reason.value_or("Waiting for the scheduler"),
                    "It starts by itself when capacity or quota frees up; cancel it to leave the queue."};
  } else if (w.state == "provisioning") {
    a.next_steps = {"The agent is creating the workload's user on its node; this takes a few seconds."};
  } else if (w.state == "active") {
    primary("workload.release", "Release");
    a.next_steps = {"Connect with SSH or the browser terminal (Connect tab).",
                    "Release it when done: billing stops at release."};
  } else if (w.state == "releasing") {
    a.next_steps = {"The agent is stopping its processes and removing its user."};
  } else if (w.state == "failed") {
    a.actionable_until = w.failed_at.value_or(w.updated_at) + kFailureActionableFor;
    a.is_actionable = !w.archived_at.has_value();
    a.action_required = "Provisioning failed: " + w.state_reason.value_or("see its operation");
    primary("workload.retry_provisioning", "Retry provisioning");
    a.next_steps = {"Retry provisioning: it is queued again in its old place.", "Or release it to drop the request."};
  } else if (w.state == "release_failed") {
    a.is_actionable = true;
    a.action_required =
        "Release failed: " + w.state_reason.value_or("see its operation") + ". It still holds its GPUs.";
    primary("workload.release", "Retry release");
    a.next_steps = {"Retry the release once the node is back online.",
                    "If the node is gone, a platform admin can force release it."};
  } else if (w.state == "released") {
    a.next_steps = {"Released. Launch a new workload from the Compute catalog."};
  }
  return a;
}

std::int64_t AccruedMicros(const repositories::WorkloadRecord& w, Timestamp now) {
  if (!w.active_at) return 0;
  const auto end = w.released_at.value_or(w.state == "failed" ? w.failed_at.value_or(now) : now);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(end - *w.active_at).count();
  if (seconds <= 0) return 0;
  // Split to keep the product in range: hours in full, then the remaining seconds.
  return (seconds / 3600) * w.hourly_price_micros + (seconds % 3600) * w.hourly_price_micros / 3600;
}

std::vector<TimelineEntry> TimelineOf(const repositories::WorkloadRecord& w) {
  std::vector<TimelineEntry> entries{{"requested", w.requested_at}};
  const std::pair<const char*, const std::optional<Timestamp>*> stages[] = {
      {"queued", &w.queued_at},     {"provisioning", &w.provisioning_at},
      {"active", &w.active_at},     {"releasing", &w.releasing_at},
      {"released", &w.released_at}, {w.state == "release_failed" ? "release_failed" : "failed", &w.failed_at}};
  for (const auto& [state, at] : stages) {
    if (*at) entries.push_back({state, **at});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  return entries;
}

}  // namespace gpuaas::services
