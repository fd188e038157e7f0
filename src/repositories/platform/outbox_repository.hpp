#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct OutboxEventRecord {
  std::int64_t seq = 0;
  std::string id;  // evt_...
  std::string type;
  std::string resource_type;
  std::string resource_id;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::string actor_label;
  std::string payload;  // JSON object
  Timestamp occurred_at;
  std::optional<Timestamp> dispatched_at;
};

// The outbox table, consumer receipts and the leases of single-replica workers.
class OutboxRepository {
 public:
  // Takes the evidence lock and appends with the next seq (filled into `event`).
  static Status Append(store::Session& session, OutboxEventRecord& event);
  static Result<std::vector<OutboxEventRecord>> Pending(store::Session& session, int limit);
  static Status MarkDispatched(store::Session& session, std::int64_t up_to_seq, std::int64_t from_seq, Timestamp now);
  static Result<std::int64_t> CountPending(store::Session& session);

  static Result<bool> HasReceipt(store::Session& session, std::string_view consumer, std::string_view event_id);
  static Status InsertReceipt(store::Session& session, std::string_view consumer, std::string_view event_id,
                              Timestamp now);
  static Result<std::int64_t> CountReceipts(store::Session& session, std::string_view event_id);

  // Takes or renews the named lease for `owner` when it is free, expired or already ours.
  static Result<bool> AcquireWorkerLease(store::Session& session, std::string_view name, std::string_view owner,
                                         std::int64_t now_us, std::int64_t ttl_us);
  static Status ReleaseWorkerLease(store::Session& session, std::string_view name, std::string_view owner);
};

}  // namespace gpuaas::repositories
