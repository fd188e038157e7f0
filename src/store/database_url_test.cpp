#include "store/database_url.hpp"

#include <gtest/gtest.h>

namespace gpuaas::store {
namespace {

TEST(DatabaseUrl, ParsesSqlitePaths) {
  const auto url = DatabaseUrl::Parse("sqlite:./var/gpuaas.db");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->dialect, Dialect::kSqlite);
  EXPECT_EQ(url->location, "./var/gpuaas.db");
  EXPECT_EQ(DatabaseUrl::Parse("sqlite:///tmp/x.db")->location, "/tmp/x.db");
}

TEST(DatabaseUrl, ParsesPostgresUris) {
  const auto url = DatabaseUrl::Parse("postgres://gpuaas:s3cret@127.0.0.1:5432/gpuaas");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->dialect, Dialect::kPostgres);
  EXPECT_EQ(url->Redacted(), "postgres://gpuaas:***@127.0.0.1:5432/gpuaas");
  EXPECT_EQ(DatabaseUrl::Parse("postgresql://h/db")->Redacted(), "postgresql://h/db");
}

TEST(DatabaseUrl, RejectsOtherSchemesAndMemoryDatabases) {
  EXPECT_FALSE(DatabaseUrl::Parse("mysql://x").ok());
  EXPECT_FALSE(DatabaseUrl::Parse("sqlite:").ok());
  EXPECT_FALSE(DatabaseUrl::Parse("sqlite::memory:").ok());
  EXPECT_EQ(DatabaseUrl::Parse("gpuaas.db").error().details()[0].value, "database");
}

}  // namespace
}  // namespace gpuaas::store
