#include "shared/log.hpp"

#include <gtest/gtest.h>

namespace gpuaas::log {
namespace {

TEST(LogLine, IsOneJsonObjectWithEscapedValues) {
  const auto line = FormatLine("2026-11-23T09:06:00.000Z", Level::kInfo, "http", "request",
                               {{"path", "/a\"b\n"}, {"status", 200}, {"ok", true}});
  EXPECT_EQ(line, R"({"ts":"2026-11-23T09:06:00.000Z","level":"info","logger":"http","event":"request",)"
                  R"("path":"/a\"b\n","status":200,"ok":true})");
}

TEST(LogLine, RedactsSecretNamedFields) {
  const auto line = FormatLine("t", Level::kWarn, "auth", "login",
                               {{"password", "hunter2"}, {"Authorization", "Bearer abc"}, {"api_token", "t0k"}});
  EXPECT_EQ(line.find("hunter2"), std::string::npos);
  EXPECT_EQ(line.find("Bearer"), std::string::npos);
  EXPECT_EQ(line.find("t0k"), std::string::npos);
  EXPECT_NE(line.find(R"("password":"***")"), std::string::npos);
}

TEST(LogLine, ReplacesInvalidUtf8) {
  const auto line = FormatLine("t", Level::kInfo, "x", "e",
                               {{"v", std::string_view("a\xff"
                                                       "b")}});
  EXPECT_NE(line.find("a\xEF\xBF\xBD"
                      "b"),
            std::string::npos);
}

TEST(LogLevel, ParsesKnownNamesOnly) {
  Level level = Level::kInfo;
  EXPECT_TRUE(ParseLevel("debug", level));
  EXPECT_EQ(level, Level::kDebug);
  EXPECT_FALSE(ParseLevel("verbose", level));
}

}  // namespace
}  // namespace gpuaas::log
