#include "shared/rfc3339.hpp"

#include <gtest/gtest.h>

namespace gpuaas {
namespace {

TEST(Rfc3339, FormatsUtcWithMilliseconds) {
  const Timestamp time{std::chrono::microseconds{1'795'424'760'123'456}};
  EXPECT_EQ(FormatRfc3339(time), "2026-11-23T09:06:00.123Z");
  EXPECT_EQ(FormatRfc3339(Timestamp{}), "1970-01-01T00:00:00.000Z");
}

TEST(Rfc3339, ParsesOffsetsToUtc) {
  const auto utc = ParseRfc3339("2026-11-23T09:06:00.123Z");
  const auto offset = ParseRfc3339("2026-11-23T10:06:00.123+01:00");
  ASSERT_TRUE(utc.ok());
  ASSERT_TRUE(offset.ok());
  EXPECT_EQ(*utc, *offset);
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("2026-11-23T09:06:00Z")), "2026-11-23T09:06:00.000Z");
}

TEST(Rfc3339, RejectsMalformedTimes) {
  for (const auto* text : {"2026-11-23", "2026-11-23T09:06:00", "2026-02-30T00:00:00Z", "2026-11-23T25:00:00Z",
                           "2026-11-23T09:06:00.Z", "2026-11-23T09:06:00Zjunk", "2026-11-23 09:06:00Z"}) {
    EXPECT_FALSE(ParseRfc3339(text).ok()) << text;
  }
}

}  // namespace
}  // namespace gpuaas
