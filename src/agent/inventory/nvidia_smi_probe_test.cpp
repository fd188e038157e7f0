#include "agent/inventory/nvidia_smi_probe.hpp"

#include <gtest/gtest.h>

#include "agent/inventory/testing/fake_nvidia_smi.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::inventory {
namespace {

TEST(NvidiaSmiProbe, ReadsGpusDriverAndCudaFromTheTool) {
  const gpuaas::testing::TempDir dir;
  const auto program = testing::WriteFakeNvidiaSmi(dir.path(), GPUAAS_NVIDIA_SMI_FIXTURES);
  const auto report = NvidiaSmiProbe(program.string()).Probe();
  ASSERT_TRUE(report.ok()) << report.error().message();
  EXPECT_EQ(report->source, wire::fleet::GpuSource::kNvidiaSmi);
  EXPECT_EQ(report->driver_version, "580.159.04");
  EXPECT_EQ(report->cuda_version, "13.0");
  ASSERT_EQ(report->gpus.size(), 1u);
  EXPECT_EQ(report->gpus[0].uuid, "GPU-f73c016c-513a-45a1-3b79-657d1859f739");
}

TEST(NvidiaSmiProbe, FailsWhenTheToolIsMissingOrHangs) {
  const gpuaas::testing::TempDir dir;
  EXPECT_FALSE(NvidiaSmiProbe((dir.path() / "nvidia-smi").string()).Probe().ok());
  const auto hanging = testing::WriteFakeNvidiaSmi(dir.path(), GPUAAS_NVIDIA_SMI_FIXTURES, "sleep 30");
  const auto report = NvidiaSmiProbe(hanging.string(), {.timeout = std::chrono::milliseconds(200)}).Probe();
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message().find("did not finish"), std::string::npos) << report.error().message();
}

}  // namespace
}  // namespace gpuaas::agent::inventory
