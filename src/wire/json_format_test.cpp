#include "wire/json_format.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <limits>

namespace gpuaas::wire {
namespace {

TEST(JsonFormat, WritesDoublesInShortestDecimalForm) {
  const boost::json::value json{{"draw", 125.71}, {"limit", 700.0}, {"tiny", 0.001}};
  EXPECT_EQ(FormatJson(json, JsonLayout::kCompact), R"({"draw":125.71,"limit":700,"tiny":0.001})");
}

TEST(JsonFormat, CompactOutputParsesBackToTheSameValue) {
  const boost::json::value json{
      {"name", "quote \" and \\ and \n"}, {"n", -3}, {"big", 18446744073709551615ull}, {"list", {1, 2.5, nullptr}}};
  EXPECT_EQ(boost::json::parse(FormatJson(json, JsonLayout::kCompact)), json);
}

TEST(JsonFormat, PrettyOutputIndentsOneMemberPerLine) {
  const boost::json::value json{{"a", 1}, {"b", boost::json::array{true, "x"}}, {"c", boost::json::object{}}};
  EXPECT_EQ(FormatJson(json, JsonLayout::kPretty),
            "{\n  \"a\": 1,\n  \"b\": [\n    true,\n    \"x\"\n  ],\n  \"c\": {}\n}\n");
  EXPECT_EQ(boost::json::parse(FormatJson(json, JsonLayout::kPretty)), json);
}

TEST(JsonFormat, WritesNonFiniteDoublesAsNull) {
  const boost::json::value json{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
  EXPECT_EQ(FormatJson(json, JsonLayout::kCompact), "[null,null]");
}

}  // namespace
}  // namespace gpuaas::wire
