// The Idempotency-Key contract on real sockets: replay byte for byte, one side effect under
// concurrency, a different body is refused, validation failures are not stored, and keys
// belong to one principal.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "services/platform/idempotency_service.hpp"
#include "store/migrations/migration_runner.hpp"
#include "store/open_database.hpp"
#include "tests/support/api_client.hpp"
#include "tests/support/manual_clock.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

std::string KeyHeader(const std::string& key) { return "Idempotency-Key: " + key + "\r\n"; }

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = std::make_unique<ApiClient>(ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword));
    const auto me = admin_->Get("/api/v1/users/me");
    project_ = std::string(me.json.at("projects").at(0).at("id").as_string());
  }

  std::size_t ServiceAccounts() {
    return admin_->Get("/api/v1/projects/" + project_ + "/service-accounts").json.at("items").as_array().size();
  }

  TestServer server_;
  std::unique_ptr<ApiClient> admin_;
  std::string project_;
};

TEST_F(IdempotencyTest, SixteenConcurrentIdenticalRequestsPerKeyHaveExactlyOneEffect) {
  constexpr int kKeys = 12;
  constexpr int kCopies = 16;
  std::mutex mutex;
  std::map<int, std::vector<ApiReply>> replies;
  std::vector<std::thread> threads;
  const auto token = admin_->CreateToken("load");
  for (int key = 0; key < kKeys; ++key) {
    for (int copy = 0; copy < kCopies; ++copy) {
      threads.emplace_back([&, key] {
        const auto client = ApiClient::Bearer(server_.port(), token);
        auto reply = client.Post("/api/v1/projects/" + project_ + "/service-accounts",
                                 R"({"name":"robot-)" + std::to_string(key) + R"(","role":"viewer"})",
                                 KeyHeader("concurrent-" + std::to_string(key)));
        const std::lock_guard lock(mutex);
        replies[key].push_back(std::move(reply));
      });
    }
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(ServiceAccounts(), static_cast<std::size_t>(kKeys));
  for (const auto& [key, list] : replies) {
    std::string created_body;
    for (const auto& reply : list) {
      ASSERT_TRUE(reply.status == 201 || reply.status == 409) << reply.status << " " << reply.body;
      if (reply.status == 409) {
        EXPECT_EQ(reply.ErrorCode(), "conflict");
        continue;
      }
      if (created_body.empty()) created_body = reply.body;
      EXPECT_EQ(reply.body, created_body) << "key " << key << ": every success is the same reply, byte for byte";
    }
    EXPECT_FALSE(created_body.empty());
  }
  // After the dust settles every retry is a replay of the one result.
  const auto replay = ApiClient::Bearer(server_.port(), token)
                          .Post("/api/v1/projects/" + project_ + "/service-accounts",
                                R"({"name":"robot-0","role":"viewer"})", KeyHeader("concurrent-0"));
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.raw.Header("idempotent-replayed"), "true");
  EXPECT_EQ(ServiceAccounts(), static_cast<std::size_t>(kKeys));
}

TEST_F(IdempotencyTest, TheSameKeyWithAnotherBodyIsRefused) {
  const auto path = "/api/v1/projects/" + project_ + "/service-accounts";
  EXPECT_EQ(admin_->Post(path, R"({"name":"a","role":"viewer"})", KeyHeader("k-1")).status, 201);
  const auto other = admin_->Post(path, R"({"name":"b","role":"viewer"})", KeyHeader("k-1"));
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.Field(), "Idempotency-Key");
  EXPECT_EQ(ServiceAccounts(), 1u);
}

TEST_F(IdempotencyTest, ValidationFailuresAreNotStoredSoACorrectedRetryRuns) {
  const auto path = "/api/v1/projects/" + project_ + "/service-accounts";
  const auto invalid = admin_->Post(path, R"({"name":"a","role":"emperor"})", KeyHeader("k-2"));
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(ServiceAccounts(), 0u);
  const auto corrected = admin_->Post(path, R"({"name":"a","role":"viewer"})", KeyHeader("k-2"));
  EXPECT_EQ(corrected.status, 201);
  EXPECT_EQ(corrected.raw.Header("idempotent-replayed"), "");
  EXPECT_EQ(ServiceAccounts(), 1u);
}

TEST_F(IdempotencyTest, StartedRequestsThatFailAreReplayedToo) {
  const auto path = "/api/v1/projects/" + project_ + "/service-accounts/sa_missing";
  const auto first = admin_->Delete(path, KeyHeader("k-3"));
  EXPECT_EQ(first.status, 404);
  const auto second = admin_->Delete(path, KeyHeader("k-3"));
  EXPECT_EQ(second.status, 404);
  EXPECT_EQ(second.raw.Header("idempotent-replayed"), "true");
  EXPECT_EQ(second.json.at("error").at("message"), first.json.at("error").at("message"));
}

TEST_F(IdempotencyTest, KeysBelongToOnePrincipalAndStoredSecretsAreRedacted) {
  const auto first = admin_->Post("/api/v1/users/me/tokens", R"({"name":"ci"})", KeyHeader("shared-key"));
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(first.Str("secret").rfind("gpuaas_pat_", 0), 0u);
  const auto replay = admin_->Post("/api/v1/users/me/tokens", R"({"name":"ci"})", KeyHeader("shared-key"));
  EXPECT_EQ(replay.Str("secret"), "***");
  EXPECT_EQ(replay.json.at("token").at("id"), first.json.at("token").at("id"));

  admin_->Post("/api/v1/users", R"({"email":"jo@test.local","display_name":"Jo","password":"jo password 123"})");
  const auto jo = ApiClient::SignIn(server_.port(), "jo@test.local", "jo password 123");
  const auto theirs = jo.Post("/api/v1/users/me/tokens", R"({"name":"ci"})", KeyHeader("shared-key"));
  EXPECT_EQ(theirs.status, 201);
  EXPECT_NE(theirs.json.at("token").at("id"), first.json.at("token").at("id"));
}

TEST_F(IdempotencyTest, MalformedKeysAreRefused) {
  const auto path = "/api/v1/projects/" + project_ + "/service-accounts";
  const auto too_long = admin_->Post(path, R"({"name":"a","role":"viewer"})", KeyHeader(std::string(256, 'k')));
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(too_long.Field(), "Idempotency-Key");
  EXPECT_EQ(admin_->Post(path, R"({"name":"a","role":"viewer"})", KeyHeader(std::string(255, 'k'))).status, 201);
}

TEST(IdempotencyRetentionTest, KeysLiveADayThenAreSweptAndReusable) {
  TestDatabase test_database;
  auto database = store::OpenDatabase(*store::DatabaseUrl::Parse(test_database.url()), store::StoreOptions{});
  ASSERT_TRUE(database.ok());
  ManualClock clock;
  store::MigrationRunner migrations(**database, clock, store::EmbeddedMigrations());
  ASSERT_TRUE(migrations.Apply().ok());
  services::IdempotencyService service(**database, clock);
  ASSERT_EQ(service.Begin("usr_a", "k", "fingerprint-1")->kind, services::IdempotencyDecision::Kind::kExecute);
  ASSERT_TRUE(service.Finish("usr_a", "k", {201, "application/json", "{}"}).ok());
  clock.Advance(std::chrono::hours(23));
  EXPECT_EQ(*service.Sweep(), 0);
  EXPECT_EQ(service.Begin("usr_a", "k", "fingerprint-1")->kind, services::IdempotencyDecision::Kind::kReplay);
  clock.Advance(std::chrono::hours(2));
  EXPECT_EQ(*service.Sweep(), 1);
  // After retention the key is new again, even with another body.
  EXPECT_EQ(service.Begin("usr_a", "k", "fingerprint-2")->kind, services::IdempotencyDecision::Kind::kExecute);
}

}  // namespace
}  // namespace gpuaas::testing
