#include "services/fleet/fleet_rules.hpp"

#include <gtest/gtest.h>

#include "services/fleet/node_inventory.hpp"

namespace gpuaas::services {
namespace {

TEST(FleetRules, SlugsAreDnsLabels) {
  EXPECT_TRUE(ValidateSlug("lab-1", "name").ok());
  EXPECT_FALSE(ValidateSlug("", "name").ok());
  EXPECT_FALSE(ValidateSlug("-lab", "name").ok());
  EXPECT_FALSE(ValidateSlug("lab-", "name").ok());
  EXPECT_FALSE(ValidateSlug("Lab", "name").ok());
  EXPECT_FALSE(ValidateSlug(std::string(64, 'a'), "name").ok());
  EXPECT_TRUE(ValidateSlug(std::string(63, 'a'), "name").ok());
}

TEST(FleetRules, StandardProfileSlicesUpToTheNode) {
  const auto* standard = FindNodeProfile("standard");
  ASSERT_NE(standard, nullptr);
  EXPECT_EQ(SliceSizesFor(*standard, 8), (std::vector<int>{1, 2, 4, 8}));
  EXPECT_EQ(SliceSizesFor(*standard, 4), (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(SliceSizesFor(*standard, 2), (std::vector<int>{1, 2}));
  EXPECT_TRUE(SliceSizesFor(*standard, 0).empty());
}

TEST(FleetRules, WholeNodeProfileOffersOnlyTheNode) {
  const auto* whole = FindNodeProfile("whole-node");
  ASSERT_NE(whole, nullptr);
  EXPECT_EQ(SliceSizesFor(*whole, 8), (std::vector<int>{8}));
  EXPECT_EQ(SliceSizesFor(*whole, 4), (std::vector<int>{4}));
  EXPECT_EQ(FindNodeProfile("gold"), nullptr);
}

TEST(FleetRules, NodeNamesFromHostnames) {
  EXPECT_EQ(NodeNameFromHostname("GPU-Host_07.lab.example"), "gpu-host-07-lab-example");
  EXPECT_EQ(NodeNameFromHostname("..."), "node");
  EXPECT_EQ(NodeNameFromHostname(std::string(80, 'x')).size(), 50U);
}

}  // namespace
}  // namespace gpuaas::services
