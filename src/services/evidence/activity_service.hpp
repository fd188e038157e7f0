#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/evidence/activity_repository.hpp"
#include "services/operations/operation_registry.hpp"
#include "services/platform/outbox_dispatcher.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// Turns outbox events into the activity stream of the resource they are about: operation
// lifecycle (started, succeeded, failed, cancelled) with the operation as pivot, and audit
// rows with the audit entry as pivot.
class ActivityConsumer final : public OutboxConsumer {
 public:
  explicit ActivityConsumer(IdGenerator& ids) : ids_(ids) {}
  [[nodiscard]] std::string_view name() const override { return "activity"; }
  Status Handle(store::Session& session, const repositories::OutboxEventRecord& event) override;

 private:
  IdGenerator& ids_;
};

struct ActivityPage {
  std::vector<repositories::ActivityRecord> items;
  std::optional<std::int64_t> next_cursor;
};

// Reads a resource's activity, newest first, for whoever can see the resource.
class ActivityService {
 public:
  ActivityService(ServiceContext context, const OperationRegistry& registry)
      : context_(context), registry_(registry) {}

  Result<ActivityPage> List(const Caller& caller, std::string_view resource_type, std::string_view resource_id,
                            std::optional<std::int64_t> cursor, int limit);

 private:
  ServiceContext context_;
  const OperationRegistry& registry_;
};

}  // namespace gpuaas::services
