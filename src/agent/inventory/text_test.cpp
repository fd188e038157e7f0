#include "agent/inventory/text.hpp"

#include <gtest/gtest.h>

namespace gpuaas::agent::inventory {
namespace {

using Views = std::vector<std::string_view>;

TEST(Text, SplitsLinesOnLfAndCrLf) {
  EXPECT_EQ(SplitLines("a\r\nb\n\nc"), (Views{"a", "b", "", "c"}));
  EXPECT_EQ(SplitLines("a\n"), (Views{"a"}));
  EXPECT_EQ(SplitLines(""), Views{});
}

TEST(Text, SplitsOnASeparatorKeepingEmptyParts) {
  EXPECT_EQ(Split("a, b,,c", ','), (Views{"a", " b", "", "c"}));
  EXPECT_EQ(Split("", ','), (Views{""}));
}

TEST(Text, TrimsSpacesTabsAndLineEnds) {
  EXPECT_EQ(Trim(" \t x y \r\n"), "x y");
  EXPECT_EQ(Trim("   "), "");
}

}  // namespace
}  // namespace gpuaas::agent::inventory
