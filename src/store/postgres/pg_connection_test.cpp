#include "store/postgres/pg_connection.hpp"

#include <gtest/gtest.h>

namespace gpuaas::store {
namespace {

TEST(PgPlaceholders, NumbersQuestionMarksOutsideQuotes) {
  EXPECT_EQ(RewritePlaceholders("SELECT ? , ? FROM t WHERE a = '?' AND \"b?\" = ?"),
            "SELECT $1 , $2 FROM t WHERE a = '?' AND \"b?\" = $3");
  EXPECT_EQ(RewritePlaceholders("SELECT 1"), "SELECT 1");
}

}  // namespace
}  // namespace gpuaas::store
