#include "wire/json_object_reader.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gpuaas::wire {
namespace {

std::string FieldOf(const Status& status) {
  for (const auto& detail : status.error().details()) {
    if (detail.key == "field") return detail.value;
  }
  return {};
}

TEST(JsonObjectReader, ReadsEveryKindOfField) {
  const auto json = boost::json::parse(R"({"s":"x","os":null,"u":7,"ou":null,"d":1.5,"di":3,"b":true,"a":[1]})");
  auto reader = JsonObjectReader::Open(json, "");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->String("s"), "x");
  EXPECT_EQ(reader->OptionalString("os"), std::nullopt);
  EXPECT_EQ(reader->Unsigned("u", 10), 7u);
  EXPECT_EQ(reader->OptionalUnsigned("ou"), std::nullopt);
  EXPECT_EQ(reader->OptionalNonNegative("d"), 1.5);
  EXPECT_EQ(reader->OptionalNonNegative("di"), 3.0);
  EXPECT_TRUE(reader->Bool("b"));
  ASSERT_NE(reader->Array("a"), nullptr);
  EXPECT_TRUE(reader->Finish().ok());
}

TEST(JsonObjectReader, NamesTheFirstBadFieldByItsPath) {
  const auto json = boost::json::parse(R"({"u":1.0,"s":""})");
  auto reader = JsonObjectReader::Open(json, "gpus[3]");
  ASSERT_TRUE(reader.ok());
  reader->Unsigned("u");
  reader->String("s");
  const auto status = reader->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(FieldOf(status), "gpus[3].u");
}

TEST(JsonObjectReader, RefusesMissingNullNegativeAndOutOfRangeValues) {
  const auto check = [](std::string_view text, auto read, std::string_view field) {
    const auto json = boost::json::parse(text);
    auto reader = JsonObjectReader::Open(json, "");
    ASSERT_TRUE(reader.ok());
    read(*reader);
    const auto status = reader->Finish();
    ASSERT_FALSE(status.ok()) << text;
    EXPECT_EQ(FieldOf(status), field) << text;
  };
  check(
      "{}", [](JsonObjectReader& r) { r.String("name"); }, "name");
  check(R"({"n":null})", [](JsonObjectReader& r) { r.Unsigned("n"); }, "n");
  check(R"({"n":-1})", [](JsonObjectReader& r) { r.Unsigned("n"); }, "n");
  check(R"({"n":101})", [](JsonObjectReader& r) { r.OptionalUnsigned("n", 100); }, "n");
  check(R"({"n":"5"})", [](JsonObjectReader& r) { r.OptionalUnsigned("n"); }, "n");
  check(R"({"w":-0.5})", [](JsonObjectReader& r) { r.OptionalNonNegative("w"); }, "w");
  check(R"({"b":1})", [](JsonObjectReader& r) { r.Bool("b"); }, "b");
  check(R"({"a":{}})", [](JsonObjectReader& r) { r.Array("a"); }, "a");
}

TEST(JsonObjectReader, RefusesFieldsNobodyRead) {
  const auto json = boost::json::parse(R"({"known":"x","extra":1})");
  auto reader = JsonObjectReader::Open(json, "root");
  ASSERT_TRUE(reader.ok());
  reader->String("known");
  const auto status = reader->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(FieldOf(status), "root.extra");
  EXPECT_NE(status.error().message().find("not a known field"), std::string::npos);
}

TEST(JsonObjectReader, RefusesANonObject) {
  EXPECT_FALSE(JsonObjectReader::Open(boost::json::value(3), "").ok());
  EXPECT_FALSE(JsonObjectReader::Open(boost::json::array{}, "gpus[0]").ok());
}

}  // namespace
}  // namespace gpuaas::wire
