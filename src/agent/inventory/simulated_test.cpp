#include "agent/inventory/simulated.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace gpuaas::agent::inventory {
namespace {

// "GPU-" and an 8-4-4-4-12 lower-case hex UUID, as nvidia-smi prints it (checked by
// hand: std::regex trips GCC 12's maybe-uninitialized warning in the sanitizer build).
bool IsGpuUuid(std::string_view text) {
  constexpr std::string_view kShape = "GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  if (text.size() != kShape.size() || !text.starts_with("GPU-")) return false;
  for (std::size_t i = 4; i < text.size(); ++i) {
    const bool hex = (text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f');
    if (kShape[i] == '-' ? text[i] != '-' : !hex) return false;
  }
  return true;
}

TEST(SimulationSpec, ParsesCountAndModel) {
  for (const auto& [text, count, model] :
       {std::tuple{"8xH100", 8u, "H100"}, std::tuple{"2xA100", 2u, "A100"}, std::tuple{"4xL40S", 4u, "L40S"},
        std::tuple{"1xl4", 1u, "L4"}, std::tuple{"16Xh200", 16u, "H200"}}) {
    const auto spec = ParseSimulationSpec(text);
    ASSERT_TRUE(spec.ok()) << text << ": " << spec.error().message();
    EXPECT_EQ(spec->count, count) << text;
    EXPECT_EQ(spec->model, model) << text;
  }
}

TEST(SimulationSpec, RefusesBadSpecsAndListsTheKnownModels) {
  for (const auto* text :
       {"0xH100", "17xH100", "-1xH100", "xH100", "8x", "8", "H100", "8 x H100", "8xH100 ", "", "99999999999xH100"}) {
    const auto spec = ParseSimulationSpec(text);
    ASSERT_FALSE(spec.ok()) << "'" << text << "'";
    EXPECT_EQ(spec.error().code(), ErrorCode::kInvalidArgument);
  }
  const auto unknown = ParseSimulationSpec("8xV100");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message().find("unknown model"), std::string::npos);
  EXPECT_NE(unknown.error().message().find("H100, H200, A100, L40S, L4"), std::string::npos)
      << unknown.error().message();
}

TEST(SimulatedGpus, HaveTheModelsRealMemory) {
  EXPECT_EQ(SimulateGpus({8, "H100"}, "node")[7].memory_total_mib, 81559u);
  EXPECT_EQ(SimulateGpus({2, "A100"}, "node")[0].memory_total_mib, 81920u);
  EXPECT_EQ(SimulateGpus({4, "L40S"}, "node")[3].memory_total_mib, 46068u);
  const auto h100 = SimulateGpus({1, "H100"}, "node")[0];
  EXPECT_EQ(h100.model, "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(h100.power_limit_w, 700.0);
  EXPECT_EQ(h100.memory_used_mib, 0u);
  EXPECT_EQ(h100.utilization_pct, 0u);
}

TEST(SimulatedGpus, AreIdenticalOnEveryRunAndUniqueAcrossHosts) {
  const auto first = SimulateGpus({8, "H100"}, "node-a");
  EXPECT_EQ(first, SimulateGpus({8, "H100"}, "node-a"));
  const auto other_host = SimulateGpus({8, "H100"}, "node-b");
  std::set<std::string> uuids;
  std::set<std::string> buses;
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].index, i);
    EXPECT_TRUE(IsGpuUuid(first[i].uuid)) << first[i].uuid;
    uuids.insert(first[i].uuid);
    uuids.insert(other_host[i].uuid);
    buses.insert(first[i].pci_bus_id);
  }
  EXPECT_EQ(uuids.size(), 16u);
  EXPECT_EQ(buses.size(), 8u);
}

TEST(SimulatedGpus, SixteenOfThemAreAValidInventory) {
  const auto gpus = SimulateGpus({kMaxSimulatedGpus, "L4"}, "node");
  ASSERT_EQ(gpus.size(), 16u);
  EXPECT_TRUE(wire::fleet::ValidateGpus(gpus).ok());
  EXPECT_EQ(gpus[15].pci_bus_id, "00000000:EA:00.0");
}

TEST(SimulatedProbe, ReportsSimulatedGpusWithoutADriver) {
  const auto report = SimulatedProbe({2, "A100"}, "node").Probe();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->source, wire::fleet::GpuSource::kSimulated);
  EXPECT_EQ(report->driver_version, std::nullopt);
  EXPECT_EQ(report->gpus.size(), 2u);
  EXPECT_FALSE(SimulatedProbe({2, "V100"}, "node").Probe().ok());
}

}  // namespace
}  // namespace gpuaas::agent::inventory
