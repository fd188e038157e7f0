#pragma once

#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "repositories/operations/operation_repository.hpp"
#include "services/operations/operation_registry.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// One operation a target offers the caller, with its preconditions evaluated now.
struct CatalogEntry {
  const OperationKind* kind = nullptr;
  std::vector<PreconditionResult> preconditions;
  bool permitted = true;
  std::string not_permitted_reason;
  [[nodiscard]] bool available() const;
};

struct OperationCatalog {
  TargetView target;
  std::vector<CatalogEntry> operations;
};

struct StartOperationInput {
  std::string kind;
  std::string target_type;
  std::string target_id;
  boost::json::object params;
  std::optional<std::string> confirmation;
};

struct StepProgress {
  std::string name;
  std::string title;
  std::string state;  // done | running | pending | failed | skipped
};

struct OperationView {
  repositories::OperationRecord operation;
  const OperationKind* kind = nullptr;  // null for a kind this server no longer knows
  std::vector<StepProgress> steps;
  std::vector<repositories::OperationEventRecord> timeline;
  std::string target_link;
};

struct OperationListQuery {
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<std::string> kind;
  std::optional<std::string> state;
  std::optional<std::string> requester_id;
  std::optional<std::string> cursor;
  int limit = 50;
};

struct OperationPage {
  std::vector<repositories::OperationRecord> operations;
  std::optional<std::string> next_cursor;
};

// Lifecycle operations as the API offers them: the catalogue of a target, starting one
// (every refusal audited with its reason), reading, listing, cancel and retry. The runner
// (operation_runner.hpp) does the work.
class OperationService {
 public:
  // `on_change` is called after an operation was queued or changed (wakes the runner and
  // the outbox dispatcher).
  OperationService(ServiceContext context, const OperationRegistry& registry, std::function<void()> on_change)
      : context_(context), registry_(registry), on_change_(std::move(on_change)) {}

  Result<OperationCatalog> Catalogue(const Caller& caller, std::string_view target_type, std::string_view target_id);
  Result<OperationView> Start(const Caller& caller, const StartOperationInput& input);
  Result<OperationView> Get(const Caller& caller, std::string_view id);
  Result<OperationPage> List(const Caller& caller, const OperationListQuery& query);
  Result<OperationView> Cancel(const Caller& caller, std::string_view id);
  Result<OperationView> Retry(const Caller& caller, std::string_view id);

  // For workers that change a resource and start its operation in one transaction (the
  // scheduler placing a workload): nothing is audited as a refusal here; the caller calls
  // Changed() once the transaction committed.
  Result<OperationView> StartWithin(store::Session& session, const Caller& caller, const StartOperationInput& input) {
    return StartIn(session, caller, input);
  }
  void Changed() const {
    if (on_change_) on_change_();
  }

  [[nodiscard]] const OperationRegistry& registry() const { return registry_; }

 private:
  Result<OperationView> StartIn(store::Session& session, const Caller& caller, const StartOperationInput& input);
  // Loads an operation the caller may see: its requester, a platform admin, or whoever can
  // see its target.
  Result<repositories::OperationRecord> LoadVisible(store::Session& session, const Caller& caller, std::string_view id);
  // For cancel and retry: who may start the kind on the target may also stop or repeat it.
  Status RequireControl(store::Session& session, const Caller& caller, const repositories::OperationRecord& op);
  Result<OperationView> ViewOf(store::Session& session, repositories::OperationRecord op);
  Result<OperationView> Control(const Caller& caller, std::string_view id, std::string_view action);
  void AuditRefusal(const Caller& caller, const StartOperationInput& input, const Error& error);

  ServiceContext context_;
  const OperationRegistry& registry_;
  std::function<void()> on_change_;
};

// The requester stored with an operation, as the caller its steps act as.
Caller RequesterOf(const repositories::OperationRecord& operation);

}  // namespace gpuaas::services
