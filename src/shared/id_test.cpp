#include "shared/id.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gpuaas {
namespace {

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp now) : now_(now) {}
  [[nodiscard]] Timestamp Now() const override { return now_; }
  Timestamp now_;
};

TEST(Id, HasPrefixAndTwentySixCharacterBody) {
  FixedClock clock{Timestamp{std::chrono::milliseconds{1'795'000'000'000}}};
  RandomIdGenerator ids(clock);
  const auto id = ids.Next("node");
  ASSERT_EQ(id.size(), std::string("node_").size() + 26);
  EXPECT_EQ(id.substr(0, 5), "node_");
  EXPECT_TRUE(ValidateId(id, "node", "node_id").ok());
}

TEST(Id, SortsByCreationTime) {
  const unsigned char high[10] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  const unsigned char low[10] = {};
  const auto earlier = FormatId("op", Timestamp{std::chrono::milliseconds{1000}}, high);
  const auto later = FormatId("op", Timestamp{std::chrono::milliseconds{1001}}, low);
  EXPECT_LT(earlier, later);
}

TEST(Id, EncodesItsTimestamp) {
  const unsigned char random[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const Timestamp created{std::chrono::milliseconds{1'795'000'123'456}};
  const auto id = FormatId("wl", created, random);
  const auto decoded = IdTimestamp(id);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, created);
}

TEST(Id, IsRandomWithinOneMillisecond) {
  FixedClock clock{Timestamp{std::chrono::milliseconds{5}}};
  RandomIdGenerator ids(clock);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(ids.Next("wl"));
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Id, RejectsWrongPrefixAndMalformedBodies) {
  const unsigned char random[10] = {};
  const auto id = FormatId("node", Timestamp{}, random);
  EXPECT_FALSE(ValidateId(id, "wl", "workload_id").ok());
  EXPECT_EQ(ValidateId(id, "wl", "workload_id").error().details()[0].value, "workload_id");
  EXPECT_FALSE(ValidateId("node_short", "node", "node_id").ok());
  EXPECT_FALSE(ValidateId("node_0000000000000000000000000i", "node", "node_id").ok());  // 'i' is not Crockford
  EXPECT_FALSE(ValidateId("node_80000000000000000000000000", "node", "node_id").ok());  // overflows 128 bits
}

}  // namespace
}  // namespace gpuaas
