#include "agent/inventory/nvml.hpp"

#include <dlfcn.h>

#include <gtest/gtest.h>

#include <memory>

namespace gpuaas::agent::inventory {
namespace {

// Keeps the fake library loaded and reads how many NVML sessions it has open.
class FakeNvmlSessions {
 public:
  FakeNvmlSessions() : handle_(::dlopen(GPUAAS_FAKE_NVML, RTLD_NOW | RTLD_LOCAL)) {
    if (handle_) count_ = reinterpret_cast<int (*)()>(::dlsym(handle_.get(), "gpuaas_fake_nvml_sessions"));
  }
  int open() const { return count_ != nullptr ? count_() : -100; }

 private:
  struct Closer {
    void operator()(void* handle) const { ::dlclose(handle); }
  };
  std::unique_ptr<void, Closer> handle_;
  int (*count_)() = nullptr;
};

TEST(Nvml, FailsCleanlyWhenTheLibraryIsAbsent) {
  const auto nvml = Nvml::Open("libnvidia-ml-absent.so.1");
  ASSERT_FALSE(nvml.ok());
  EXPECT_EQ(nvml.error().code(), ErrorCode::kUnavailable);
  EXPECT_NE(nvml.error().message().find("libnvidia-ml-absent.so.1"), std::string::npos) << nvml.error().message();
}

TEST(Nvml, FailsCleanlyOnThisHostWithoutTheDriver) {
  const auto nvml = Nvml::Open();
  if (nvml.ok()) GTEST_SKIP() << "this host has NVML";
  EXPECT_EQ(nvml.error().code(), ErrorCode::kUnavailable);
  EXPECT_FALSE(NvmlProbe().Probe().ok());
}

TEST(Nvml, NamesTheFirstMissingSymbol) {
  const auto nvml = Nvml::Open("libc.so.6");
  ASSERT_FALSE(nvml.ok());
  EXPECT_EQ(nvml.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(nvml.error().message(), "NVML library lacks nvmlInit_v2");
}

TEST(Nvml, ReportsAFailedInit) {
  const auto nvml = Nvml::Open(GPUAAS_FAKE_NVML_INIT_FAILS);
  ASSERT_FALSE(nvml.ok());
  EXPECT_EQ(nvml.error().message(), "NVML Init_v2 failed: driver not loaded");
}

TEST(Nvml, ReadsEveryGpuThroughTheLoadedLibrary) {
  const auto report = NvmlProbe(GPUAAS_FAKE_NVML).Probe();
  ASSERT_TRUE(report.ok()) << report.error().message();
  EXPECT_EQ(report->source, wire::fleet::GpuSource::kNvml);
  EXPECT_EQ(report->driver_version, "580.159.04");
  EXPECT_EQ(report->cuda_version, "13.0");
  ASSERT_EQ(report->gpus.size(), 2u);
  const auto& first = report->gpus[0];
  EXPECT_EQ(first.index, 0u);
  EXPECT_EQ(first.uuid, "GPU-f73c016c-513a-45a1-3b79-657d1859f739");
  EXPECT_EQ(first.model, "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(first.memory_total_mib, 81559u);
  EXPECT_EQ(first.memory_used_mib, 0u);
  EXPECT_EQ(first.utilization_pct, 0u);
  EXPECT_EQ(first.temperature_c, 36u);
  EXPECT_EQ(first.power_draw_w, 125.71);
  EXPECT_EQ(first.power_limit_w, 700.0);
  EXPECT_EQ(first.ecc_uncorrected, 0u);
  EXPECT_EQ(first.pci_bus_id, "00000000:06:00.0");
  EXPECT_EQ(first.sm_clock_mhz, 1980u);
  EXPECT_EQ(first.max_sm_clock_mhz, 1980u);
}

TEST(Nvml, LeavesUnsupportedTelemetryEmpty) {
  const auto report = NvmlProbe(GPUAAS_FAKE_NVML).Probe();
  ASSERT_TRUE(report.ok()) << report.error().message();
  ASSERT_EQ(report->gpus.size(), 2u);
  const auto& second = report->gpus[1];
  EXPECT_EQ(second.index, 1u);
  EXPECT_EQ(second.memory_used_mib, 1024u);
  EXPECT_EQ(second.utilization_pct, 87u);
  EXPECT_EQ(second.power_draw_w, std::nullopt);
  EXPECT_EQ(second.power_limit_w, std::nullopt);
  EXPECT_EQ(second.ecc_uncorrected, std::nullopt);
}

TEST(Nvml, ShutsDownOnceWhenTheLastOwnerGoes) {
  const FakeNvmlSessions sessions;
  ASSERT_EQ(sessions.open(), 0);
  {
    auto opened = Nvml::Open(GPUAAS_FAKE_NVML);
    ASSERT_TRUE(opened.ok()) << opened.error().message();
    EXPECT_EQ(sessions.open(), 1);
    const Nvml moved = std::move(opened).value();
    EXPECT_EQ(sessions.open(), 1);
  }
  EXPECT_EQ(sessions.open(), 0);
}

}  // namespace
}  // namespace gpuaas::agent::inventory
