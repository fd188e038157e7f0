// Sign-in throttling with a clock the test moves: failures slow down, the tenth locks the
// account for a while, admins see the lock and can lift it, and time lifts it too.
#include <gtest/gtest.h>

#include "services/access/auth_service.hpp"
#include "services/access/user_service.hpp"
#include "store/migrations/migration_runner.hpp"
#include "store/open_database.hpp"
#include "tests/support/manual_clock.hpp"
#include "tests/support/test_database.hpp"

namespace gpuaas {
namespace {

using testing::ManualClock;

class SignInLockoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenDatabase(*store::DatabaseUrl::Parse(test_database_.url()), store::StoreOptions{});
    ASSERT_TRUE(opened.ok());
    database_ = std::move(opened).value();
    store::MigrationRunner migrations(*database_, clock_, store::EmbeddedMigrations());
    ASSERT_TRUE(migrations.Apply().ok());
    audit_ = std::make_unique<services::AuditTrail>(*database_, clock_, ids_);
    const services::ServiceContext context{*database_, clock_, ids_, *audit_};
    auth_ = std::make_unique<services::AuthService>(context, hasher_, services::AuthSettings{});
    users_ = std::make_unique<services::UserService>(context, hasher_, *auth_);
    ASSERT_TRUE(users_->EnsureFirstAdmin(std::string("root@test.local"), std::string("root password 123")).ok());
    const auto signed_in = auth_->Login(caller_, "root@test.local", "root password 123");
    ASSERT_TRUE(signed_in.ok());
    admin_.principal = services::Principal{services::PrincipalKind::kUser, signed_in->user.id, "root@test.local", true};
    services::NewUserInput input{"kim@test.local", "Kim", std::string("kim password 123"), false};
    const auto created = users_->Create(admin_, input);
    ASSERT_TRUE(created.ok());
    kim_id_ = created->user.user.id;
  }

  Result<services::SignedIn> Attempt(const std::string& password) {
    return auth_->Login(caller_, "kim@test.local", password);
  }

  testing::TestDatabase test_database_;
  ManualClock clock_;
  RandomIdGenerator ids_{clock_};
  services::PasswordHasher hasher_{services::PasswordHashCost::kMinimum};
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<services::AuditTrail> audit_;
  std::unique_ptr<services::AuthService> auth_;
  std::unique_ptr<services::UserService> users_;
  services::Caller caller_{{}, "req_test", "192.0.2.1", "test"};
  services::Caller admin_{{}, "req_admin", "192.0.2.2", "test"};
  std::string kim_id_;
};

TEST_F(SignInLockoutTest, FailuresSlowDownThenLockAndAdminsCanUnlock) {
  int throttled = 0;
  for (int failure = 1; failure <= 10; ++failure) {
    auto result = Attempt("wrong password");
    while (!result && result.error().code() == ErrorCode::kRateLimited) {
      ++throttled;
      clock_.Advance(std::chrono::seconds(61));  // wait out the delay
      result = Attempt("wrong password");
    }
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code(), ErrorCode::kUnauthenticated) << "failure " << failure;
  }
  EXPECT_EQ(throttled, 7);  // failures 3 to 9 each imposed a wait before the next attempt

  // Locked: even the right password is refused, and the admin sees until when.
  const auto locked = Attempt("kim password 123");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code(), ErrorCode::kRateLimited);
  const auto view = users_->Get(admin_, kim_id_);
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->locked_until.has_value());
  EXPECT_GT(*view->locked_until, clock_.Now());

  ASSERT_TRUE(users_->Unlock(admin_, kim_id_).ok());
  EXPECT_TRUE(Attempt("kim password 123").ok());
}

TEST_F(SignInLockoutTest, TheLockLiftsByItself) {
  for (int failure = 1; failure <= 10; ++failure) {
    while (true) {
      const auto result = Attempt("wrong password");
      if (result.ok() || result.error().code() != ErrorCode::kRateLimited) break;
      clock_.Advance(std::chrono::seconds(61));
    }
  }
  EXPECT_FALSE(Attempt("kim password 123").ok());
  clock_.Advance(std::chrono::minutes(16));
  EXPECT_TRUE(Attempt("kim password 123").ok());
}

}  // namespace
}  // namespace gpuaas
