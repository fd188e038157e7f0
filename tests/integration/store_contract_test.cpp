// One contract for every store backend: runs on SQLite, and on PostgreSQL when
// GPUAAS_TEST_POSTGRES_URL is set (the *_pg ctest variant).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "repositories/platform/platform_settings_repository.hpp"
#include "shared/clock.hpp"
#include "store/migrations/migration_runner.hpp"
#include "store/open_database.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "tests/support/test_database.hpp"

namespace gpuaas::store {
namespace {

using repositories::PlatformSetting;
using repositories::PlatformSettingsRepository;

class StoreContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto url = DatabaseUrl::Parse(test_database_.url());
    ASSERT_TRUE(url.ok());
    auto database = OpenDatabase(*url, StoreOptions{});
    ASSERT_TRUE(database.ok()) << database.error().message() << " " << database.error().internal();
    database_ = std::move(database).value();
    ASSERT_EQ(database_->dialect(), test_database_.postgres() ? Dialect::kPostgres : Dialect::kSqlite);
    MigrationRunner runner(*database_, clock_, EmbeddedMigrations());
    ASSERT_TRUE(runner.Apply().ok());
  }

  Status Put(const std::string& key, const std::string& value) {
    return database_->Write([&](Session& session) -> Status {
      GPUAAS_RETURN_IF_ERROR(PlatformSettingsRepository::InsertIfAbsent(session, {key, value, clock_.Now(), 1}));
      return Ok();
    });
  }

  std::optional<PlatformSetting> Get(const std::string& key) {
    std::optional<PlatformSetting> found;
    EXPECT_TRUE(database_
                    ->Read([&](Session& session) -> Status {
                      GPUAAS_ASSIGN_OR_RETURN(found, PlatformSettingsRepository::Find(session, key));
                      return Ok();
                    })
                    .ok());
    return found;
  }

  testing::TestDatabase test_database_;
  SystemClock clock_;
  std::unique_ptr<Database> database_;
};

TEST_F(StoreContractTest, MigrationsAreIdempotentAndCurrent) {
  MigrationRunner runner(*database_, clock_, EmbeddedMigrations());
  const auto again = runner.Apply();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  const auto state = runner.State();
  ASSERT_TRUE(state.ok());
  EXPECT_TRUE(state->current());
  EXPECT_EQ(state->applied, EmbeddedMigrations().back().version);
}

TEST_F(StoreContractTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(database_
                  ->Write([](Session& session) -> Status {
                    GPUAAS_RETURN_IF_ERROR(
                        session.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, "
                                        "'future', '2030-01-01T00:00:00Z')"));
                    return Ok();
                  })
                  .ok());
  MigrationRunner runner(*database_, clock_, EmbeddedMigrations());
  const auto applied = runner.Apply();
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(StoreContractTest, WritesCommitAndReadBack) {
  ASSERT_TRUE(Put("region", "eu-west").ok());
  const auto found = Get("region");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->value, "eu-west");
  EXPECT_EQ(found->version, 1);
  EXPECT_FALSE(Get("absent").has_value());
}

TEST_F(StoreContractTest, AFailedWriteRollsBackAllOfItsWork) {
  const auto outcome = database_->Write([&](Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(PlatformSettingsRepository::InsertIfAbsent(session, {"half", "done", clock_.Now(), 1}));
    return Error::Conflict("changed my mind");
  });
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().message(), "changed my mind");
  EXPECT_FALSE(Get("half").has_value());
}

TEST_F(StoreContractTest, ConstraintViolationsAreConflicts) {
  const auto outcome = database_->Write([&](Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(
        session.Execute("INSERT INTO platform_settings (key, value, updated_at) VALUES ('dup', 'a', 'x')"));
    GPUAAS_RETURN_IF_ERROR(
        session.Execute("INSERT INTO platform_settings (key, value, updated_at) VALUES ('dup', 'b', 'x')"));
    return Ok();
  });
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code(), ErrorCode::kConflict);
  EXPECT_FALSE(Get("dup").has_value());
}

TEST_F(StoreContractTest, OptimisticVersionStopsLostUpdates) {
  ASSERT_TRUE(Put("site", "a").ok());
  bool first = false;
  bool stale = true;
  ASSERT_TRUE(database_
                  ->Write([&](Session& session) -> Status {
                    GPUAAS_ASSIGN_OR_RETURN(
                        first, PlatformSettingsRepository::UpdateIfVersion(session, {"site", "b", clock_.Now(), 0}, 1));
                    GPUAAS_ASSIGN_OR_RETURN(
                        stale, PlatformSettingsRepository::UpdateIfVersion(session, {"site", "c", clock_.Now(), 0}, 1));
                    return Ok();
                  })
                  .ok());
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale);
  EXPECT_EQ(Get("site")->value, "b");
  EXPECT_EQ(Get("site")->version, 2);
}

TEST_F(StoreContractTest, ConcurrentWritesAllLandAndOneFailureHarmsNoOther) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  std::atomic<int> failures{0};
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const auto key = "k" + std::to_string(t) + "_" + std::to_string(i);
          const auto outcome = database_->Write([&](Session& session) -> Status {
            GPUAAS_RETURN_IF_ERROR(PlatformSettingsRepository::InsertIfAbsent(session, {key, "v", clock_.Now(), 1}));
            if (i % 10 == 7) return Error::Conflict("deliberate failure");  // rolled back alone
            return Ok();
          });
          if (!outcome) failures.fetch_add(1);
        }
      });
    }
  }
  EXPECT_EQ(failures.load(), kThreads * kPerThread / 10);
  std::int64_t count = 0;
  ASSERT_TRUE(database_
                  ->Read([&](Session& session) -> Status {
                    GPUAAS_ASSIGN_OR_RETURN(
                        const auto rows, session.Query("SELECT COUNT(*) FROM platform_settings WHERE key LIKE 'k%'"));
                    count = rows.at(0).Int(0);
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(count, kThreads * kPerThread - failures.load());
  const auto stats = database_->stats();
  EXPECT_GE(stats.writes, static_cast<std::uint64_t>(count));
  if (database_->dialect() == Dialect::kSqlite) {
    // Grouped commits: concurrent writers shared transactions.
    EXPECT_LT(stats.commits, stats.writes);
  }
}

TEST_F(StoreContractTest, ReadsCannotWrite) {
  const auto outcome = database_->Read([](Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(
        session.Execute("INSERT INTO platform_settings (key, value, updated_at) VALUES ('r','o','x')"));
    return Ok();
  });
  EXPECT_FALSE(outcome.ok());
}

TEST_F(StoreContractTest, NullsAndTypesRoundTrip) {
  ASSERT_TRUE(database_
                  ->Read([](Session& session) -> Status {
                    GPUAAS_ASSIGN_OR_RETURN(
                        const auto rows,
                        session.Query("SELECT CAST(? AS BIGINT), CAST(? AS TEXT), NULL", {std::int64_t{-42}, "x'y"}));
                    EXPECT_EQ(rows.at(0).Int(0), -42);
                    EXPECT_EQ(rows.at(0).Text(1), "x'y");
                    EXPECT_TRUE(rows.at(0).IsNull(2));
                    return Ok();
                  })
                  .ok());
}

TEST(SqliteStore, ASecondOpenOfTheSameFileIsRefused) {
  if (testing::TestDatabase::PostgresRequested()) GTEST_SKIP() << "SQLite-only behaviour";
  testing::TestDatabase database;
  const auto path = database.url().substr(std::string("sqlite:").size());
  auto first = SqliteDatabase::Open(path, SqliteOptions{});
  ASSERT_TRUE(first.ok());
  auto second = SqliteDatabase::Open(path, SqliteOptions{});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(second.error().message().find("already in use by another gpuaas-server process"), std::string::npos);
  first.value().reset();
  EXPECT_TRUE(SqliteDatabase::Open(path, SqliteOptions{}).ok()) << "the lock is released when the first closes";
}

}  // namespace
}  // namespace gpuaas::store
