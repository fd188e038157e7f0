#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct WorkloadRecord {
  std::string id;
  std::string name;
  std::string project_id;
  std::string tenant_id;
  std::string owner_id;
  std::string owner_label;
  std::string sku_id;
  std::int64_t gpus = 1;
  std::string gpu_model;
  std::vector<std::string> regions;  // empty: any region
  std::int64_t hourly_price_micros = 0;
  std::int64_t priority = 0;
  std::int64_t queue_us = 0;
  std::string state;
  std::optional<std::string> state_reason;
  std::optional<std::string> queue_reason;
  std::optional<std::string> node_id;
  std::optional<std::int64_t> first_gpu;
  std::string ssh_keys = "[]";            // JSON array
  std::optional<std::string> connection;  // JSON object
  Timestamp requested_at;
  std::optional<Timestamp> queued_at;
  std::optional<Timestamp> provisioning_at;
  std::optional<Timestamp> active_at;
  std::optional<Timestamp> releasing_at;
  std::optional<Timestamp> released_at;
  std::optional<Timestamp> failed_at;
  std::optional<Timestamp> archived_at;
  Timestamp created_at;
  Timestamp updated_at;
  // Read models only.
  std::optional<std::string> node_name;
  std::optional<std::string> node_hostname;
  std::string sku_name;
  std::string sku_title;
};

// Which workloads a list shows. `visible_projects` empty with `all_projects` false shows nothing.
struct WorkloadFilter {
  std::optional<std::string> project_id;
  std::vector<std::string> visible_projects;  // ignored when all_projects
  bool all_projects = false;
  std::vector<std::string> states;  // empty: every state
  std::optional<bool> archived;     // true: only archived, false: only not archived
  std::optional<std::string> node_id;
  std::optional<std::string> cursor_created_at;  // keyset: created_at DESC, id DESC
  std::optional<std::string> cursor_id;
  int limit = 50;
};

struct UsageCount {
  std::int64_t gpus = 0;
  std::int64_t workloads = 0;
};

class WorkloadRepository {
 public:
  static Status Insert(store::Session& session, const WorkloadRecord& workload);
  // Writes every mutable column if the row is still in `expected_state`; conflict otherwise
  // (another replica or operation moved it first).
  static Status Update(store::Session& session, const WorkloadRecord& workload, std::string_view expected_state);
  static Result<std::optional<WorkloadRecord>> Find(store::Session& session, std::string_view id);
  static Result<std::vector<WorkloadRecord>> List(store::Session& session, const WorkloadFilter& filter);
  static Result<std::int64_t> Count(store::Session& session, WorkloadFilter filter);
  // requested and queued workloads, in queue order: priority first, then arrival.
  static Result<std::vector<WorkloadRecord>> Pending(store::Session& session, int limit);
  // What counts against quotas: the workloads that hold GPUs (placed and not yet released).
  static Result<UsageCount> UsageOfProject(store::Session& session, std::string_view project_id);
  static Result<UsageCount> UsageOfOwner(store::Session& session, std::string_view owner_id);
  // Workloads placed on a node that still hold or may hold its GPUs.
  static Result<std::int64_t> CountOnNode(store::Session& session, std::string_view node_id);
};

}  // namespace gpuaas::repositories
