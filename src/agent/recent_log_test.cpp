#include "agent/recent_log.hpp"

#include <gtest/gtest.h>

namespace gpuaas::agent {
namespace {

TEST(RecentLogSink, KeepsOnlyTheLastLines) {
  RecentLogSink sink(3, false);
  for (int i = 1; i <= 5; ++i) sink.Write("line " + std::to_string(i));
  EXPECT_EQ(sink.Lines(), (std::vector<std::string>{"line 3", "line 4", "line 5"}));
}

}  // namespace
}  // namespace gpuaas::agent
