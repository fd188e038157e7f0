#include "agent/inventory_command.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/support/temp_dir.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::agent {
namespace {

TEST(InventoryCommand, PrintsAnInventoryTheServerAccepts) {
  const testing::TempDir dir;
  std::ostringstream out;
  std::ostringstream err;
  const int code =
      RunInventoryCommand({.simulate_gpus = "2xL40S", .data_dir = dir.path().string(), .one_line = true}, out, err);
  ASSERT_EQ(code, 0) << err.str();
  const auto text = out.str();
  EXPECT_EQ(text.find('\n'), text.size() - 1);  // one line
  const auto parsed = wire::fleet::ParseHostInventory(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message() << "\n" << text;
  EXPECT_TRUE(parsed->simulated);
  EXPECT_EQ(parsed->gpus.size(), 2u);
  EXPECT_EQ(parsed->gpus[1].memory_total_mib, 46068u);
}

TEST(InventoryCommand, PrettyPrintsByDefault) {
  const testing::TempDir dir;
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(RunInventoryCommand({.simulate_gpus = "1xH100", .data_dir = dir.path().string()}, out, err), 0);
  EXPECT_NE(out.str().find("\n  \"gpu_source\": \"simulated\",\n"), std::string::npos) << out.str();
  EXPECT_TRUE(wire::fleet::ParseHostInventory(out.str()).ok());
}

TEST(InventoryCommand, RefusesABadSimulationWithExitCodeTwo) {
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunInventoryCommand({.simulate_gpus = "8xV100"}, out, err), 2);
  EXPECT_TRUE(out.str().empty());
  EXPECT_NE(err.str().find("--simulate-gpus: '8xV100' names an unknown model"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace gpuaas::agent
