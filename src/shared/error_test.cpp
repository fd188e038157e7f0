#include "shared/error.hpp"

#include <gtest/gtest.h>

#include "shared/result.hpp"

namespace gpuaas {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return Error::InvalidArgument("value", "must be even");
  return value / 2;
}

Result<int> Quarter(int value) {
  GPUAAS_ASSIGN_OR_RETURN(const int half, Half(value));
  return Half(half);
}

TEST(Error, InvalidArgumentNamesTheField) {
  const auto error = Error::InvalidArgument("name", "must not be empty");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message(), "name: must not be empty");
  ASSERT_EQ(error.details().size(), 1u);
  EXPECT_EQ(error.details()[0].key, "field");
  EXPECT_EQ(error.details()[0].value, "name");
}

TEST(Error, InternalKeepsTheCauseOutOfTheClientMessage) {
  const auto error = Error::Internal("sqlite: disk I/O error at /var/db");
  EXPECT_EQ(error.message(), "internal error");
  EXPECT_EQ(error.internal(), "sqlite: disk I/O error at /var/db");
}

TEST(Error, EveryCodeHasAStableName) {
  EXPECT_EQ(ErrorCodeName(ErrorCode::kFailedPrecondition), "failed_precondition");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kRateLimited), "rate_limited");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kPayloadTooLarge), "payload_too_large");
}

TEST(Result, PropagatesTheFirstError) {
  EXPECT_EQ(Quarter(8).value(), 2);
  const auto odd = Quarter(6);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().message(), "value: must be even");
}

}  // namespace
}  // namespace gpuaas
