#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "repositories/compute/workload_repository.hpp"
#include "services/access/caller.hpp"
#include "services/compute/workload_transitions.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct LaunchInput {
  std::string project_id;
  std::string sku;  // id or name
  std::int64_t count = 1;
  std::string name;
  std::vector<std::string> ssh_key_ids;
  std::optional<std::string> ssh_public_key;  // added to the caller's keys as part of the launch
};

// Which list of the workbench: what needs attention now, what is over, or everything.
enum class WorkloadView { kDefault, kHistory, kAll };

struct WorkloadListQuery {
  std::optional<std::string> project_id;
  WorkloadView view = WorkloadView::kDefault;
  std::optional<std::string> cursor;
  int limit = 50;
};

struct WorkloadPage {
  std::vector<repositories::WorkloadRecord> items;
  std::optional<std::string> next_cursor;
  std::int64_t count_default = 0;
  std::int64_t count_history = 0;
  std::int64_t count_all = 0;
};

struct WorkloadDetail {
  repositories::WorkloadRecord workload;
  std::optional<std::string> node_telemetry;  // the node's last heartbeat telemetry (JSON), if placed
  std::optional<Timestamp> telemetry_at;
};

// Compute workloads as users see them: launch (validated against the catalog, entitlements and
// quotas; what cannot be placed now is queued, not refused), lists and detail. Placement is the
// scheduler's (scheduler_service.hpp); provisioning and release are operations.
class WorkloadService {
 public:
  static constexpr std::int64_t kMaxLaunchCount = 16;

  // `on_launch` wakes the scheduler after a launch committed.
  WorkloadService(ServiceContext context, std::function<void()> on_launch)
      : context_(context), transitions_(context), on_launch_(std::move(on_launch)) {}

  // Needs the project member role and write access.
  Result<std::vector<repositories::WorkloadRecord>> Launch(const Caller& caller, const LaunchInput& input);
  Result<WorkloadPage> List(const Caller& caller, const WorkloadListQuery& query);
  // not_found for a workload the caller may not see.
  Result<repositories::WorkloadRecord> Get(const Caller& caller, std::string_view id);
  Result<WorkloadDetail> Detail(const Caller& caller, std::string_view id);

  // For operations and the terminal: the workload if the caller may see it (`needed` role), else
  // a hidden not_found. System callers see every workload.
  static Result<repositories::WorkloadRecord> LoadVisible(store::Session& session, const Caller& caller,
                                                          std::string_view id, bool for_use);

 private:
  ServiceContext context_;
  WorkloadTransitions transitions_;
  std::function<void()> on_launch_;
};

}  // namespace gpuaas::services
