#include "services/operations/kinds/platform_operations.hpp"

#include <boost/json.hpp>

#include <thread>

#include "repositories/operations/operation_repository.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::services {
namespace {

using repositories::OperationRepository;

struct SelftestParams {
  std::int64_t steps = 3;
  std::int64_t step_ms = 0;
  std::int64_t fail_attempts = 0;  // transient failures each step reports before it succeeds
};

Result<std::int64_t> IntParam(const boost::json::object& params, std::string_view name, std::int64_t fallback,
                              std::int64_t low, std::int64_t high) {
  const auto* value = params.if_contains(name);
  if (value == nullptr) return fallback;
  const auto field = "params." + std::string(name);
  if (!value->is_int64()) return Error::InvalidArgument(field, "must be an integer");
  const auto number = value->as_int64();
  if (number < low || number > high) {
    return Error::InvalidArgument(field, "must be between " + std::to_string(low) + " and " + std::to_string(high));
  }
  return number;
}

Result<SelftestParams> ParseSelftest(const boost::json::object& params) {
  for (const auto& entry : params) {
    const auto key = entry.key();
    if (key != "steps" && key != "step_ms" && key != "fail_attempts") {
      return Error::InvalidArgument("params." + std::string(key), "is not a parameter of platform.selftest");
    }
  }
  SelftestParams parsed;
  GPUAAS_ASSIGN_OR_RETURN(parsed.steps, IntParam(params, "steps", 3, 1, 20));
  GPUAAS_ASSIGN_OR_RETURN(parsed.step_ms, IntParam(params, "step_ms", 0, 0, 10000));
  GPUAAS_ASSIGN_OR_RETURN(parsed.fail_attempts, IntParam(params, "fail_attempts", 0, 0, 10));
  return parsed;
}

Step SelftestStep(std::int64_t index, std::int64_t count, const SelftestParams& params) {
  Step step;
  step.name = "step_" + std::to_string(index + 1);
  step.title = "Self-test step " + std::to_string(index + 1) + " of " + std::to_string(count);
  step.act = [params](StepContext& context) -> Status {
    if (params.step_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(params.step_ms));
    if (context.attempt <= params.fail_attempts) {
      return Error::Unavailable("injected transient failure (attempt " + std::to_string(context.attempt) + ")");
    }
    return Ok();
  };
  step.commit = [index, count](store::Session& session, StepContext& context) -> Status {
    GPUAAS_RETURN_IF_ERROR(OperationRepository::InsertSelftestMark(session, context.operation_id, index, context.now));
    if (index + 1 == count) {
      // The result proves each step's effect landed exactly once.
      GPUAAS_ASSIGN_OR_RETURN(const auto marks,
                              OperationRepository::SelftestMarksPerStep(session, context.operation_id, count));
      boost::json::array per_step;
      for (const auto mark : marks) per_step.emplace_back(mark);
      context.result = {{"steps", count}, {"marks_per_step", std::move(per_step)}};
    }
    return Ok();
  };
  return step;
}

OperationKind Selftest() {
  OperationKind kind;
  kind.name = "platform.selftest";
  kind.target_type = "platform";
  kind.intent = IntentGroup::kInspect;
  kind.title = "Run a runner self-test";
  kind.description =
      "Runs a synthetic operation through the operations engine: each step records a mark, optionally after a "
      "wait (step_ms) and after injected transient failures (fail_attempts).";
  kind.expected_result = "The operation succeeds with one mark per step, proving claim, steps, retry and finish work.";
  kind.failure_path = "Fails only when the runner cannot reach the database; nothing to undo.";
  kind.evidence = {"operation timeline", "activity"};
  kind.danger = Danger::kSafe;
  kind.cancellable = true;
  kind.exclusive = false;
  kind.max_attempts = 6;
  kind.permission = [](const TargetView&, const Caller& caller) { return Authorizer::RequirePlatformAdmin(caller); };
  kind.params = [](const boost::json::object& params) -> Result<boost::json::object> {
    GPUAAS_ASSIGN_OR_RETURN(const auto parsed, ParseSelftest(params));
    return boost::json::object{
        {"steps", parsed.steps}, {"step_ms", parsed.step_ms}, {"fail_attempts", parsed.fail_attempts}};
  };
  kind.plan = [](const boost::json::object& raw) {
    const auto parsed = ParseSelftest(raw);
    const auto params = parsed ? *parsed : SelftestParams{};
    std::vector<Step> steps;
    for (std::int64_t i = 0; i < params.steps; ++i) steps.push_back(SelftestStep(i, params.steps, params));
    return steps;
  };
  return kind;
}

}  // namespace

void RegisterPlatformOperations(OperationRegistry& registry) {
  registry.AddTarget("platform", [](store::Session&, const Caller& caller, std::string_view id) -> Result<TargetView> {
    if (id != "platform" || !caller.principal.platform_admin) {
      return Error::HiddenNotFound("target platform/" + std::string(id) + " not found");
    }
    return TargetView{"platform", "platform", "platform", {}, {}, {}, "/platform"};
  });
  registry.AddKind(Selftest());
}

}  // namespace gpuaas::services
