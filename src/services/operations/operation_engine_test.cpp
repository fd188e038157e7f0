// The operations engine's rules without HTTP: precondition evaluation, confirmations, the
// backoff curve, and the runner's step state machine on a real SQLite database with a clock
// the test moves (claim, commit with the step, retry when due, fencing, failure).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "repositories/operations/operation_repository.hpp"
#include "services/operations/backoff.hpp"
#include "services/operations/operation_runner.hpp"
#include "services/operations/operation_service.hpp"
#include "store/migrations/migration_runner.hpp"
#include "store/open_database.hpp"
#include "tests/support/manual_clock.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::services {
namespace {

using namespace std::chrono_literals;
using repositories::OperationRepository;

Caller Admin() {
  Caller caller;
  caller.principal.kind = PrincipalKind::kUser;
  caller.principal.id = "usr_test";
  caller.principal.label = "admin@test";
  caller.principal.platform_admin = true;
  caller.request_id = "req_test";
  return caller;
}

TargetView Thing(std::string status) {
  return TargetView{"thing", "thing_1", "alpha", {}, {}, {{"status", std::move(status)}}, "/things/thing_1"};
}

OperationKind Guarded() {
  OperationKind kind;
  kind.name = "thing.stop";
  kind.target_type = "thing";
  kind.confirmation = Confirmation::kTyped;
  kind.preconditions = {
      {"running", "The thing runs",
       [](const TargetView& target, const Caller&) -> std::optional<std::string> {
         if (target.Fact("status") == "running") return std::nullopt;
         return "the thing is " + target.Fact("status");
       }},
      {"admin", "You are a platform admin", [](const TargetView&, const Caller& caller) -> std::optional<std::string> {
         if (caller.principal.platform_admin) return std::nullopt;
         return "only platform admins stop things";
       }}};
  return kind;
}

TEST(Preconditions, EachIsEvaluatedAgainstTheTargetAndTheCallerWithItsReason) {
  auto results = EvaluatePreconditions(Guarded(), Thing("running"), Admin());
  ASSERT_EQ(results.size(), 2U);
  EXPECT_TRUE(results[0].met);
  EXPECT_TRUE(results[1].met);

  Caller stranger = Admin();
  stranger.principal.platform_admin = false;
  results = EvaluatePreconditions(Guarded(), Thing("stopped"), stranger);
  EXPECT_FALSE(results[0].met);
  EXPECT_EQ(results[0].reason, "the thing is stopped");
  EXPECT_FALSE(results[1].met);
  EXPECT_EQ(results[1].reason, "only platform admins stop things");
}

TEST(Confirmation, TypedNeedsTheExactNameConfirmNeedsTheWordNoneNeedsNothing) {
  auto kind = Guarded();
  const auto missing = CheckConfirmation(kind, Thing("running"), std::nullopt);
  ASSERT_FALSE(missing.ok());
  ASSERT_FALSE(missing.error().details().empty());
  EXPECT_EQ(missing.error().details().front().value, "confirmation");
  EXPECT_FALSE(CheckConfirmation(kind, Thing("running"), "Alpha").ok());
  EXPECT_FALSE(CheckConfirmation(kind, Thing("running"), "alpha ").ok());
  EXPECT_TRUE(CheckConfirmation(kind, Thing("running"), "alpha").ok());
  kind.confirmation = Confirmation::kConfirm;
  EXPECT_FALSE(CheckConfirmation(kind, Thing("running"), "alpha").ok());
  EXPECT_TRUE(CheckConfirmation(kind, Thing("running"), "confirm").ok());
  kind.confirmation = Confirmation::kNone;
  EXPECT_TRUE(CheckConfirmation(kind, Thing("running"), std::nullopt).ok());
}

TEST(RetryDelay, DoublesFromTheBaseUpToTheCapWithJitterBetweenHalfAndFull) {
  EXPECT_EQ(RetryDelay(1, 1000ms, 60000ms, 0.0), 500ms);
  EXPECT_EQ(RetryDelay(1, 1000ms, 60000ms, 1.0), 1000ms);
  EXPECT_EQ(RetryDelay(4, 1000ms, 60000ms, 1.0), 8000ms);
  EXPECT_EQ(RetryDelay(4, 1000ms, 60000ms, 0.5), 6000ms);
  EXPECT_EQ(RetryDelay(20, 1000ms, 60000ms, 1.0), 60000ms);
  EXPECT_EQ(RetryDelay(20, 1000ms, 60000ms, 0.0), 30000ms);
}

// A two-step kind whose steps count their calls and do what the test scripts.
class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto url = store::DatabaseUrl::Parse("sqlite:" + (dir_.path() / "engine.db").string());
    ASSERT_TRUE(url.ok());
    auto opened = store::OpenDatabase(*url, {});
    ASSERT_TRUE(opened.ok()) << opened.error().message();
    database_ = std::move(*opened);
    store::MigrationRunner migrations(*database_, clock_, store::EmbeddedMigrations());
    ASSERT_TRUE(migrations.Apply().ok());

    registry_.AddTarget("thing", [](store::Session&, const Caller&, std::string_view) -> Result<TargetView> {
      return Thing("running");
    });
    OperationKind kind;
    kind.name = "thing.work";
    kind.target_type = "thing";
    kind.exclusive = false;
    kind.max_attempts = 3;
    for (int i = 0; i < 2; ++i) {
      kind.steps.push_back({"step_" + std::to_string(i), "Step " + std::to_string(i),
                            [this, i](StepContext& context) -> Status {
                              ++acts_[i];
                              if (on_act_) return on_act_(i, context);
                              return Ok();
                            },
                            [this, i](store::Session& session, StepContext& context) -> Status {
                              ++commits_[i];
                              // The step's database effect: it must land exactly when the step does.
                              return OperationRepository::InsertSelftestMark(session, context.operation_id, i,
                                                                             context.now);
                            }});
    }
    kind.compensate = [this](store::Session&, StepContext&) -> Status {
      ++compensations_;
      return Ok();
    };
    registry_.AddKind(std::move(kind));
    service_ = std::make_unique<OperationService>(Context(), registry_, nullptr);
    runner_ = std::make_unique<OperationRunner>(
        Context(), registry_, OperationRunnerOptions{.owner = "runner-a", .workers = 1, .idle_poll = 10ms}, nullptr);
  }

  std::string Start() {
    auto view = service_->Start(Admin(), {"thing.work", "thing", "thing_1", {}, std::nullopt});
    EXPECT_TRUE(view.ok()) << view.error().message();
    return view->operation.id;
  }

  repositories::OperationRecord Load(const std::string& id) {
    repositories::OperationRecord record;
    EXPECT_TRUE(database_
                    ->Read([&](store::Session& session) -> Status {
                      GPUAAS_ASSIGN_OR_RETURN(auto found, OperationRepository::FindById(session, id));
                      record = std::move(*found);
                      return Ok();
                    })
                    .ok());
    return record;
  }

  std::vector<std::int64_t> Marks(const std::string& id) {
    std::vector<std::int64_t> marks;
    EXPECT_TRUE(database_
                    ->Read([&](store::Session& session) -> Status {
                      GPUAAS_ASSIGN_OR_RETURN(marks, OperationRepository::SelftestMarksPerStep(session, id, 2));
                      return Ok();
                    })
                    .ok());
    return marks;
  }

  testing::TempDir dir_;
  testing::ManualClock clock_;
  RandomIdGenerator ids_{clock_};
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<AuditTrail> audit_;
  OperationRegistry registry_;
  int acts_[2] = {0, 0};
  int commits_[2] = {0, 0};
  int compensations_ = 0;
  std::function<Status(int, StepContext&)> on_act_;

  AuditTrail& Audit() {
    if (!audit_) audit_ = std::make_unique<AuditTrail>(*database_, clock_, ids_);
    return *audit_;
  }
  ServiceContext Context() { return ServiceContext{*database_, clock_, ids_, Audit()}; }
  // Built at the end of SetUp, once the database exists.
  std::unique_ptr<OperationService> service_;
  std::unique_ptr<OperationRunner> runner_;
};

TEST_F(RunnerTest, AClaimedOperationRunsEveryStepOnceAndSucceeds) {
  const auto id = Start();
  EXPECT_EQ(Load(id).state, "queued");
  ASSERT_TRUE(*runner_->RunOnce());
  const auto done = Load(id);
  EXPECT_EQ(done.state, "succeeded");
  EXPECT_FALSE(done.lease_owner.has_value());
  EXPECT_EQ(acts_[0] + acts_[1], 2);
  EXPECT_EQ(Marks(id), (std::vector<std::int64_t>{1, 1}));
  EXPECT_FALSE(*runner_->RunOnce());  // nothing left to claim
}

TEST_F(RunnerTest, ATransientFailureWaitsForItsBackoffThenResumesAtTheSameStep) {
  on_act_ = [](int step, StepContext& context) -> Status {
    if (step == 1 && context.attempt == 1) return Error::Unavailable("agent away");
    return Ok();
  };
  const auto id = Start();
  ASSERT_TRUE(*runner_->RunOnce());
  auto waiting = Load(id);
  EXPECT_EQ(waiting.state, "running");
  EXPECT_EQ(waiting.step_index, 1);
  EXPECT_EQ(waiting.attempt, 2);
  EXPECT_FALSE(waiting.lease_owner.has_value());
  EXPECT_FALSE(*runner_->RunOnce());  // not due before its backoff (500..1000 ms)
  clock_.Advance(1001ms);
  ASSERT_TRUE(*runner_->RunOnce());
  EXPECT_EQ(Load(id).state, "succeeded");
  EXPECT_EQ(acts_[0], 1);  // the done step was not run again
  EXPECT_EQ(acts_[1], 2);
  EXPECT_EQ(Marks(id), (std::vector<std::int64_t>{1, 1}));
}

TEST_F(RunnerTest, AStepWhoseLeaseWasTakenOverDoesNotCommit) {
  on_act_ = [this](int, StepContext& context) -> Status {
    // Another runner takes the operation over while this one is in the step's act.
    return database_->Write([&](store::Session& session) -> Status {
      GPUAAS_RETURN_IF_ERROR(
          session.Execute("UPDATE operations SET lease_owner = 'runner-b/x' WHERE id = ?", {context.operation_id}));
      return Ok();
    });
  };
  const auto id = Start();
  ASSERT_TRUE(*runner_->RunOnce());
  const auto after = Load(id);
  EXPECT_EQ(Marks(id), (std::vector<std::int64_t>{0, 0}));  // the commit ran and was rolled back
  EXPECT_EQ(after.step_index, 0);
  EXPECT_EQ(after.lease_owner, "runner-b/x");
  EXPECT_EQ(after.state, "running");
}

TEST_F(RunnerTest, APermanentErrorFailsTheOperationAndCompensatesOnce) {
  on_act_ = [](int step, StepContext&) -> Status {
    if (step == 1) return Error::FailedPrecondition("the thing vanished");
    return Ok();
  };
  const auto id = Start();
  ASSERT_TRUE(*runner_->RunOnce());
  const auto failed = Load(id);
  EXPECT_EQ(failed.state, "failed");
  EXPECT_EQ(failed.error_code, "failed_precondition");
  EXPECT_EQ(failed.error_message, "the thing vanished");
  EXPECT_EQ(compensations_, 1);
  EXPECT_EQ(Marks(id), (std::vector<std::int64_t>{1, 0}));
  EXPECT_EQ(commits_[1], 0);
}

}  // namespace
}  // namespace gpuaas::services
