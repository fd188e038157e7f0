#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/compute/workload_repository.hpp"
#include "shared/clock.hpp"

namespace gpuaas::services {

// What the workbench and the detail page show beyond the row, computed on the server so every
// client tells the same story.
struct WorkloadAttention {
  bool is_actionable = false;                  // someone should do something about it
  std::optional<std::string> action_required;  // what, in a sentence
  std::optional<Timestamp> actionable_until;   // after this a failure moves to History
  std::optional<std::string> primary_action_kind;
  std::optional<std::string> primary_action_label;
  std::vector<std::string> next_steps;
};

// A failed workload stays in the default view this long, then moves to History.
inline constexpr auto kFailureActionableFor = std::chrono::hours(24 * 7);

WorkloadAttention AttentionOf(const repositories::WorkloadRecord& workload);

// Micro-units accrued while the workload ran: from active until released (or `now`), at its
// hourly price. Whole seconds; integer arithmetic.
std::int64_t AccruedMicros(const repositories::WorkloadRecord& workload, Timestamp now);

struct TimelineEntry {
  std::string state;
  Timestamp at;
};
// The states it went through, in order, with when it entered each.
std::vector<TimelineEntry> TimelineOf(const repositories::WorkloadRecord& workload);

}  // namespace gpuaas::services
