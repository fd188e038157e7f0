#pragma once

#include <boost/json/object.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "services/access/caller.hpp"
#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::services {

// Why an operation exists, the way the console groups a resource's operations.
enum class IntentGroup { kInspect, kSetup, kUpdate, kMaintenance, kRecovery, kDestructive };
enum class Danger { kSafe, kCaution, kDestructive };
// kTyped: the caller must send the target's name as `confirmation`.
enum class Confirmation { kNone, kConfirm, kTyped };

std::string_view IntentGroupName(IntentGroup group);
std::string_view DangerName(Danger danger);
std::string_view ConfirmationName(Confirmation confirmation);

// A resource an operation acts on, as the caller sees it now. `facts` are the state the
// preconditions read ("status": "active", "revoked": "false").
struct TargetView {
  std::string type;  // user | token | platform | ...
  std::string id;
  std::string name;  // what a typed confirmation must repeat
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::map<std::string, std::string> facts;
  std::string link;  // the console path of the resource

  [[nodiscard]] std::string Fact(const std::string& key) const {
    const auto it = facts.find(key);
    return it == facts.end() ? std::string() : it->second;
  }
};

// One condition that must hold before an operation may start. `check` returns the reason it
// is unmet, or nothing when it is met.
struct Precondition {
  std::string id;
  std::string description;
  std::function<std::optional<std::string>(const TargetView&, const Caller&)> check;
};

struct PreconditionResult {
  std::string id;
  std::string description;
  bool met = true;
  std::string reason;  // when unmet
};

// What a running step knows about its operation.
struct StepContext {
  std::string operation_id;
  std::string kind;
  std::string target_type;
  std::string target_id;
  std::string target_name;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  boost::json::object params;
  Caller requester;  // the principal who started it, as it was then
  int step_index = 0;
  int attempt = 1;  // of this step, from 1
  Timestamp now;
  boost::json::object result;  // the last step may fill it; it becomes the operation's result
  std::string failure;         // for compensate: why the operation failed ("" when cancelled)
};

// A step is idempotent in two halves:
//  - `act` (optional) runs outside any transaction: waits, calls to agents and other
//    systems. After a crash it may run again, so it must be safe to repeat (keyed by
//    operation and step).
//  - `commit` (optional) runs inside the transaction that also records the step as done,
//    so its database effect happens exactly once.
// An `unavailable` or `rate_limited` error is transient and retried with backoff; any other
// error fails the operation.
struct Step {
  std::string name;   // machine name, shown as the stage: "revoke"
  std::string title;  // "Revoke the token"
  std::function<Status(StepContext&)> act;
  std::function<Status(store::Session&, StepContext&)> commit;
};

// Who may run an operation on a target they can see; the error is permission_denied.
using Permission = std::function<Status(const TargetView&, const Caller&)>;
// Checks and normalises the caller's params; the error names the field.
using ParamsValidator = std::function<Result<boost::json::object>(const boost::json::object&)>;

// A kind of operation, registered in code. Everything the console's operation card shows
// is declared here.
struct OperationKind {
  std::string name;         // "<target type>.<verb>": token.revoke
  std::string target_type;  // the only target type it accepts
  IntentGroup intent = IntentGroup::kInspect;
  std::string title;
  std::string description;            // what it does
  std::string expected_result;        // what is true after it succeeds
  std::string failure_path;           // what happens, and what is undone, when it fails
  std::vector<std::string> evidence;  // where to look afterwards: "audit", "activity", ...
  Danger danger = Danger::kSafe;
  Confirmation confirmation = Confirmation::kNone;
  bool cancellable = false;
  // At most one queued or running operation of this kind per target.
  bool exclusive = true;
  int max_attempts = 5;  // per step, transient failures included
  Permission permission;
  std::vector<Precondition> preconditions;
  ParamsValidator params;  // absent: params must be empty
  std::vector<Step> steps;
  // For kinds whose steps depend on their params: the steps of one operation. Must give the
  // same steps for the same params every time (the runner resumes by step index).
  std::function<std::vector<Step>(const boost::json::object& params)> plan;
  // Runs in the transaction that marks the operation failed: undo what the done steps did.
  std::function<Status(store::Session&, StepContext&)> compensate;
};

// What every kind declares about itself for the console's operation card; the family then adds
// its permission, preconditions and steps.
OperationKind DescribedKind(std::string name, std::string target_type, IntentGroup intent, std::string title,
                            std::string description, std::string expected_result, std::string failure_path,
                            std::vector<std::string> evidence);

// The steps an operation of `kind` with `params` runs.
std::vector<Step> StepsOf(const OperationKind& kind, const boost::json::object& params);

std::vector<PreconditionResult> EvaluatePreconditions(const OperationKind& kind, const TargetView& target,
                                                      const Caller& caller);

// kNone needs nothing; kConfirm needs the word "confirm"; kTyped needs the target's name,
// exactly. The error names the `confirmation` field.
Status CheckConfirmation(const OperationKind& kind, const TargetView& target, const std::optional<std::string>& given);

}  // namespace gpuaas::services
