#include "services/operations/operation_kind.hpp"

namespace gpuaas::services {

std::string_view IntentGroupName(IntentGroup group) {
  switch (group) {
    case IntentGroup::kInspect: return "inspect";
    case IntentGroup::kSetup: return "setup";
    case IntentGroup::kUpdate: return "update";
    case IntentGroup::kMaintenance: return "maintenance";
    case IntentGroup::kRecovery: return "recovery";
    case IntentGroup::kDestructive: return "destructive";
  }
  return "inspect";
}

std::string_view DangerName(Danger danger) {
  switch (danger) {
    case Danger::kSafe: return "safe";
    case Danger::kCaution: return "caution";
    case Danger::kDestructive: return "destructive";
  }
  return "safe";
}

std::string_view ConfirmationName(Confirmation confirmation) {
  switch (confirmation) {
    case Confirmation::kNone: return "none";
    case Confirmation::kConfirm: return "confirm";
    case Confirmation::kTyped: return "typed";
  }
  return "none";
}

OperationKind DescribedKind(std::string name, std::string target_type, IntentGroup intent, std::string title,
                            std::string description, std::string expected_result, std::string failure_path,
                            std::vector<std::string> evidence) {
  OperationKind kind;
  kind.name = std::move(name);
  kind.target_type = std::move(target_type);
  kind.intent = intent;
  kind.title = std::move(title);
  kind.description = std::move(description);
  kind.expected_result = std::move(expected_result);
  kind.failure_path = std::move(failure_path);
  kind.evidence = std::move(evidence);
  return kind;
}

std::vector<Step> StepsOf(const OperationKind& kind, const boost::json::object& params) {
  return kind.plan ? kind.plan(params) : kind.steps;
}

std::vector<PreconditionResult> EvaluatePreconditions(const OperationKind& kind, const TargetView& target,
                                                      const Caller& caller) {
  std::vector<PreconditionResult> results;
  results.reserve(kind.preconditions.size());
  for (const auto& precondition : kind.preconditions) {
    PreconditionResult result{precondition.id, precondition.description, true, {}};
    if (auto reason = precondition.check(target, caller)) {
      result.met = false;
      result.reason = std::move(*reason);
    }
    results.push_back(std::move(result));
  }
  return results;
}

Status CheckConfirmation(const OperationKind& kind, const TargetView& target, const std::optional<std::string>& given) {
  switch (kind.confirmation) {
    case Confirmation::kNone: return Ok();
    case Confirmation::kConfirm:
      if (given != "confirm") {
        return Error::InvalidArgument("confirmation", "this operation needs \"confirmation\": \"confirm\"");
      }
      return Ok();
    case Confirmation::kTyped:
      if (!given || given->empty()) {
        return Error::InvalidArgument("confirmation", "type the name of the " + target.type + " ('" + target.name +
                                                          "') to confirm this operation");
      }
      if (*given != target.name) {
        return Error::InvalidArgument("confirmation", "the confirmation does not match the name of the " + target.type +
                                                          "; type '" + target.name + "' exactly");
      }
      return Ok();
  }
  return Ok();
}

}  // namespace gpuaas::services
