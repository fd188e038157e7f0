#include "agent/inventory/collector.hpp"

#include <gtest/gtest.h>

#include "agent/inventory/testing/fake_nvidia_smi.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::inventory {
namespace {

using wire::fleet::GpuSource;

// A probe that answers with what it was given.
class FixedProbe : public GpuProbe {
 public:
  FixedProbe(GpuSource source, Result<GpuReport> answer) : source_(source), answer_(std::move(answer)) {}
  [[nodiscard]] GpuSource source() const override { return source_; }
  [[nodiscard]] Result<GpuReport> Probe() const override { return answer_; }

 private:
  GpuSource source_;
  Result<GpuReport> answer_;
};

GpuReport ReportOf(GpuSource source, std::vector<wire::fleet::GpuInfo> gpus) {
  return GpuReport{.source = source, .driver_version = "580.159.04", .cuda_version = "13.0", .gpus = std::move(gpus)};
}

std::vector<GpuSource> SourcesOf(const std::vector<std::unique_ptr<GpuProbe>>& probes) {
  std::vector<GpuSource> sources;
  for (const auto& probe : probes) sources.push_back(probe->source());
  return sources;
}

// Options that see neither this machine's NVML nor its nvidia-smi nor its Docker.
InventoryOptions Isolated(const std::filesystem::path& dir) {
  InventoryOptions options;
  options.host.data_dir = dir;
  options.nvml_library = (dir / "libnvidia-ml.so.1").string();
  options.nvidia_smi = (dir / "nvidia-smi").string();
  options.docker_socket = dir / "docker.sock";
  return options;
}

TEST(Collector, AsksSimulationThenNvmlThenNvidiaSmi) {
  InventoryOptions options;
  EXPECT_EQ(SourcesOf(GpuProbesFor(options, "node")), (std::vector{GpuSource::kNvml, GpuSource::kNvidiaSmi}));
  options.simulate = SimulationSpec{.count = 8, .model = "H100"};
  EXPECT_EQ(SourcesOf(GpuProbesFor(options, "node")),
            (std::vector{GpuSource::kSimulated, GpuSource::kNvml, GpuSource::kNvidiaSmi}));
}

TEST(Collector, KeepsTheFirstReportAndSaysWhyEarlierSourcesWereSkipped) {
  std::vector<std::unique_ptr<GpuProbe>> probes;
  probes.push_back(std::make_unique<FixedProbe>(GpuSource::kNvml, Error::Unavailable("NVML not loaded")));
  probes.push_back(std::make_unique<FixedProbe>(GpuSource::kNvidiaSmi,
                                                ReportOf(GpuSource::kNvidiaSmi, SimulateGpus({2, "H100"}, "n"))));
  probes.push_back(std::make_unique<FixedProbe>(GpuSource::kSimulated, Error::Internal("never asked")));
  const auto selection = SelectGpuReport(probes);
  EXPECT_EQ(selection.report.source, GpuSource::kNvidiaSmi);
  EXPECT_EQ(selection.report.gpus.size(), 2u);
  EXPECT_EQ(selection.skipped, (std::vector<std::string>{"nvml: NVML not loaded"}));
}

TEST(Collector, PassesOverASourceThatReportsInvalidGpus) {
  auto twins = SimulateGpus({2, "H100"}, "n");
  twins[1].uuid = twins[0].uuid;
  std::vector<std::unique_ptr<GpuProbe>> probes;
  probes.push_back(std::make_unique<FixedProbe>(GpuSource::kNvml, ReportOf(GpuSource::kNvml, twins)));
  probes.push_back(std::make_unique<FixedProbe>(GpuSource::kNvidiaSmi, Error::Unavailable("nvidia-smi: not found")));
  const auto selection = SelectGpuReport(probes);
  EXPECT_EQ(selection.report.source, GpuSource::kNone);
  EXPECT_TRUE(selection.report.gpus.empty());
  EXPECT_EQ(selection.report.driver_version, std::nullopt);
  ASSERT_EQ(selection.skipped.size(), 2u);
  EXPECT_NE(selection.skipped[0].find("nvml: reported an invalid GPU: gpus[1].uuid"), std::string::npos)
      << selection.skipped[0];
  EXPECT_EQ(selection.skipped[1], "nvidia-smi: nvidia-smi: not found");
}

TEST(Collector, ReportsNoGpusWhenNoSourceWorks) {
  const gpuaas::testing::TempDir dir;
  const auto collected = CollectInventory(Isolated(dir.path()));
  ASSERT_TRUE(collected.ok()) << collected.error().message();
  const auto& inventory = collected->inventory;
  EXPECT_EQ(inventory.gpu_source, GpuSource::kNone);
  EXPECT_FALSE(inventory.simulated);
  EXPECT_TRUE(inventory.gpus.empty());
  EXPECT_EQ(inventory.runtimes, (std::vector<std::string>{"process"}));
  ASSERT_EQ(collected->skipped_gpu_sources.size(), 2u);
  EXPECT_TRUE(collected->skipped_gpu_sources[0].starts_with("nvml: NVML not loaded"))
      << collected->skipped_gpu_sources[0];
  EXPECT_TRUE(collected->skipped_gpu_sources[1].starts_with("nvidia-smi: ")) << collected->skipped_gpu_sources[1];
  EXPECT_TRUE(wire::fleet::Validate(inventory).ok());
}

TEST(Collector, FallsBackFromNvmlToNvidiaSmi) {
  const gpuaas::testing::TempDir dir;
  auto options = Isolated(dir.path());
  options.nvidia_smi = testing::WriteFakeNvidiaSmi(dir.path(), GPUAAS_NVIDIA_SMI_FIXTURES).string();
  const auto collected = CollectInventory(options);
  ASSERT_TRUE(collected.ok()) << collected.error().message();
  EXPECT_EQ(collected->inventory.gpu_source, GpuSource::kNvidiaSmi);
  EXPECT_EQ(collected->inventory.driver_version, "580.159.04");
  EXPECT_EQ(collected->inventory.cuda_version, "13.0");
  ASSERT_EQ(collected->inventory.gpus.size(), 1u);
  ASSERT_EQ(collected->skipped_gpu_sources.size(), 1u);
  EXPECT_TRUE(collected->skipped_gpu_sources[0].starts_with("nvml: ")) << collected->skipped_gpu_sources[0];
}

TEST(Collector, PrefersNvmlOverNvidiaSmi) {
  const gpuaas::testing::TempDir dir;
  auto options = Isolated(dir.path());
  options.nvml_library = GPUAAS_FAKE_NVML;
  options.nvidia_smi = testing::WriteFakeNvidiaSmi(dir.path(), GPUAAS_NVIDIA_SMI_FIXTURES).string();
  const auto collected = CollectInventory(options);
  ASSERT_TRUE(collected.ok()) << collected.error().message();
  EXPECT_EQ(collected->inventory.gpu_source, GpuSource::kNvml);
  EXPECT_EQ(collected->inventory.gpus.size(), 2u);
  EXPECT_TRUE(collected->skipped_gpu_sources.empty());
}

TEST(Collector, PrefersASimulationOverRealGpus) {
  const gpuaas::testing::TempDir dir;
  auto options = Isolated(dir.path());
  options.nvml_library = GPUAAS_FAKE_NVML;
  options.simulate = SimulationSpec{.count = 8, .model = "H100"};
  const auto collected = CollectInventory(options);
  ASSERT_TRUE(collected.ok()) << collected.error().message();
  const auto& inventory = collected->inventory;
  EXPECT_EQ(inventory.gpu_source, GpuSource::kSimulated);
  EXPECT_TRUE(inventory.simulated);
  EXPECT_EQ(inventory.gpus.size(), 8u);
  EXPECT_EQ(inventory.gpus[0].uuid, SimulateGpus({8, "H100"}, inventory.hostname)[0].uuid);
  EXPECT_EQ(inventory.driver_version, std::nullopt);
}

TEST(Collector, FillsTheHostFacts) {
  const gpuaas::testing::TempDir dir;
  const auto collected = CollectInventory(Isolated(dir.path()));
  ASSERT_TRUE(collected.ok()) << collected.error().message();
  const auto& inventory = collected->inventory;
  EXPECT_FALSE(inventory.hostname.empty());
  EXPECT_FALSE(inventory.kernel.empty());
  EXPECT_GE(inventory.cpu_cores, 1u);
  EXPECT_GT(inventory.memory_total_mib, 0u);
  EXPECT_GT(inventory.disk_total_gib, 0u);
  EXPECT_FALSE(inventory.agent_version.empty());
}

}  // namespace
}  // namespace gpuaas::agent::inventory
