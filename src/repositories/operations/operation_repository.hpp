#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct OperationRecord {
  std::string id;
  std::string kind;
  std::string target_type;
  std::string target_id;
  std::string target_name;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::string params;  // JSON object
  std::string requester_type;
  std::string requester_id;
  std::string requester_label;
  std::string request_id;
  std::string state;  // queued | running | succeeded | failed | cancelled
  std::string stage;
  std::int64_t step_index = 0;
  std::int64_t step_count = 0;
  std::int64_t attempt = 1;
  std::int64_t max_attempts = 5;
  std::int64_t next_run_us = 0;
  std::optional<std::string> lease_owner;
  std::optional<std::int64_t> lease_expires_us;
  bool cancel_requested = false;
  std::optional<std::string> result;  // JSON object
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  Timestamp created_at;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> finished_at;
  Timestamp updated_at;
};

struct OperationEventRecord {
  std::string operation_id;
  std::int64_t seq = 0;
  Timestamp occurred_at;
  std::string type;  // created, claimed, step_succeeded, step_retry, ...
  std::string stage;
  std::int64_t attempt = 1;
  std::string message;
};

struct OperationFilter {
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<std::string> kind;
  std::optional<std::string> state;
  std::optional<std::string> requester_id;
  // Visibility, for callers who are not platform admins: rows requested by `requester_id`
  // or in one of these projects or tenants.
  std::optional<std::string> visible_to;
  std::vector<std::string> visible_projects;
  std::vector<std::string> visible_tenants;
  std::optional<std::string> before_id;  // cursor: IDs sort by creation time
  int limit = 50;
};

// Where a step's commit is allowed to land: the operation and the fencing lease it holds.
struct Lease {
  std::string operation_id;
  std::string owner;
};

// SQL of the operations engine. Every update made by a runner is fenced by its lease owner:
// zero rows changed means another runner took the operation over.
class OperationRepository {
 public:
  static Status Insert(store::Session& session, const OperationRecord& record);
  static Result<std::optional<OperationRecord>> FindById(store::Session& session, std::string_view id);
  static Result<std::vector<OperationRecord>> List(store::Session& session, const OperationFilter& filter);

  // Takes up to `limit` due operations whose lease is free or expired. On PostgreSQL the
  // rows are locked with FOR UPDATE SKIP LOCKED, so concurrent runners never take one twice.
  // Each claimed row gets `owner_prefix` + its own suffix as lease owner.
  struct Claimed {
    OperationRecord record;
    std::optional<std::string> previous_owner;  // set when an expired lease was taken over
  };
  static Result<std::vector<Claimed>> ClaimDue(store::Session& session, std::int64_t now_us,
                                                       std::int64_t lease_us, const std::string& owner_prefix,
                                                       int limit);

  static Result<bool> RenewLease(store::Session& session, const Lease& lease, std::int64_t expires_us, Timestamp now);
  // Moves to the next step and extends the lease to `lease_expires_us`.
  static Result<bool> AdvanceStep(store::Session& session, const Lease& lease, std::int64_t next_index,
                                  const std::string& next_stage, std::int64_t lease_expires_us, Timestamp now);
  // Releases the lease and makes the operation due again at `next_run_us`.
  static Result<bool> ScheduleRetry(store::Session& session, const Lease& lease, std::int64_t attempt,
                                    std::int64_t next_run_us, Timestamp now);
  struct Outcome {
    std::string state;  // succeeded | failed | cancelled
    std::string stage;
    std::optional<std::string> result;
    std::optional<std::string> error_code;
    std::optional<std::string> error_message;
  };
  // Ends the operation. With a lease: fenced by it. Without: only a queued, unclaimed one.
  static Result<bool> Finish(store::Session& session, const std::optional<Lease>& lease, std::string_view id,
                             const Outcome& outcome, Timestamp now);
  static Result<bool> RequestCancel(store::Session& session, std::string_view id, Timestamp now);
  // A failed operation is queued again from the step that failed, with fresh attempts.
  static Result<bool> Requeue(store::Session& session, std::string_view id, std::int64_t now_us, Timestamp now);

  static Status AppendEvent(store::Session& session, const OperationEventRecord& event);
  static Result<std::vector<OperationEventRecord>> Events(store::Session& session, std::string_view id);

  // The platform self-test's effect, and the count the crash test checks.
  static Status InsertSelftestMark(store::Session& session, std::string_view id, std::int64_t step_index,
                                   Timestamp now);
  static Result<std::vector<std::int64_t>> SelftestMarksPerStep(store::Session& session, std::string_view id,
                                                                std::int64_t step_count);
};

}  // namespace gpuaas::repositories
