#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct ActivityRecord {
  std::int64_t seq = 0;  // the outbox event's seq: newest first, and the cursor
  std::string id;        // act_...
  std::string resource_type;
  std::string resource_id;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::string kind;  // operation.succeeded, audit:token.revoke, ...
  std::string title;
  std::string actor_label;
  std::string outcome;  // allowed | denied | failed | succeeded | started | cancelled
  std::optional<std::string> operation_id;
  std::optional<std::string> audit_id;
  std::string event_id;
  Timestamp occurred_at;
};

class ActivityRepository {
 public:
  static Status Insert(store::Session& session, const ActivityRecord& record);
  // Newest first; `before_seq` is the cursor of the next page.
  static Result<std::vector<ActivityRecord>> ListByResource(store::Session& session, std::string_view resource_type,
                                                            std::string_view resource_id,
                                                            std::optional<std::int64_t> before_seq, int limit);
};

}  // namespace gpuaas::repositories
