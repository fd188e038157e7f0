#include "agent/inventory/nvidia_smi.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gpuaas::agent::inventory {
namespace {

// The captures of tests/fixtures/nvidia-smi, taken on a real H100 host.
std::string Fixture(const std::string& name) {
  std::ifstream file(std::string(GPUAAS_NVIDIA_SMI_FIXTURES) + "/" + name);
  EXPECT_TRUE(file) << name;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string Detail(const Error& error, std::string_view key) {
  for (const auto& detail : error.details()) {
    if (detail.key == key) return detail.value;
  }
  return {};
}

std::string Row(int index, std::string_view middle = "81559, 1024, 37, 41, 312.45, 700.00, 0",
                std::string_view driver = "580.159.04") {
  char bus[8];
  std::snprintf(bus, sizeof(bus), "%02X", 0x18 + index);
  return std::to_string(index) + ", GPU-0000000" + std::to_string(index) + "-aaaa-bbbb-cccc-dddddddddddd, " +
         "NVIDIA H100 80GB HBM3, " + std::string(middle) + ", " + std::string(driver) + ", 00000000:" + bus +
         ":00.0, 1980, 1980";
}

TEST(NvidiaSmiQuery, ParsesTheCaptureOfARealH100) {
  const auto query = ParseNvidiaSmiQuery(Fixture("h100-query-gpu.csv"));
  ASSERT_TRUE(query.ok()) << query.error().message();
  EXPECT_EQ(query->driver_version, "580.159.04");
  ASSERT_EQ(query->gpus.size(), 1u);
  const auto& gpu = query->gpus[0];
  EXPECT_EQ(gpu.index, 0u);
  EXPECT_EQ(gpu.uuid, "GPU-f73c016c-513a-45a1-3b79-657d1859f739");
  EXPECT_EQ(gpu.model, "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(gpu.memory_total_mib, 81559u);
  EXPECT_EQ(gpu.memory_used_mib, 0u);
  EXPECT_EQ(gpu.utilization_pct, 0u);
  EXPECT_EQ(gpu.temperature_c, 36u);
  EXPECT_EQ(gpu.power_draw_w, 125.71);
  EXPECT_EQ(gpu.power_limit_w, 700.0);
  EXPECT_EQ(gpu.ecc_uncorrected, 0u);
  EXPECT_EQ(gpu.pci_bus_id, "00000000:00:06.0");
  EXPECT_EQ(gpu.sm_clock_mhz, 1980u);
  EXPECT_EQ(gpu.max_sm_clock_mhz, 1980u);
}

TEST(NvidiaSmiCudaVersion, ReadsTheCaptureOfARealH100) {
  const auto version = ParseNvidiaSmiCudaVersion(Fixture("h100-q.txt"));
  ASSERT_TRUE(version.ok()) << version.error().message();
  EXPECT_EQ(*version, "13.0");
}

TEST(NvidiaSmiQuery, ParsesEightGpusWithGapsAndUntidyWhitespace) {
  std::string csv;
  for (int i = 0; i < 8; ++i) {
    if (i == 3) {
      csv += Row(i, "81559, 0, [N/A], 33, [N/A], [Not Supported], [N/A]") + "  \r\n";
    } else {
      csv += Row(i) + (i % 2 == 0 ? "   \n" : "\r\n");
    }
    if (i == 5) csv += "\n";  // a blank line is skipped
  }
  const auto query = ParseNvidiaSmiQuery(csv);
  ASSERT_TRUE(query.ok()) << query.error().message();
  ASSERT_EQ(query->gpus.size(), 8u);
  for (std::uint32_t i = 0; i < 8; ++i) EXPECT_EQ(query->gpus[i].index, i);
  EXPECT_EQ(query->gpus[7].pci_bus_id, "00000000:1F:00.0");
  EXPECT_EQ(query->gpus[7].max_sm_clock_mhz, 1980u);
  EXPECT_EQ(query->gpus[0].utilization_pct, 37u);
  EXPECT_EQ(query->gpus[0].memory_used_mib, 1024u);
  const auto& gappy = query->gpus[3];
  EXPECT_EQ(gappy.utilization_pct, std::nullopt);
  EXPECT_EQ(gappy.temperature_c, 33u);
  EXPECT_EQ(gappy.power_draw_w, std::nullopt);
  EXPECT_EQ(gappy.power_limit_w, std::nullopt);
  EXPECT_EQ(gappy.ecc_uncorrected, std::nullopt);
}

TEST(NvidiaSmiQuery, ReadsNoRowsAsNoGpus) {
  const auto query = ParseNvidiaSmiQuery("\n  \n");
  ASSERT_TRUE(query.ok());
  EXPECT_TRUE(query->gpus.empty());
  EXPECT_EQ(query->driver_version, std::nullopt);
}

TEST(NvidiaSmiQuery, NamesTheLineAndColumnOfABadValue) {
  const auto query = ParseNvidiaSmiQuery(Row(0) + "\n" + Row(1, "81559MiB, 0, 0, 30, 70.00, 700.00, 0") + "\n");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Detail(query.error(), "line"), "2");
  EXPECT_EQ(Detail(query.error(), "column"), "4");
  EXPECT_NE(query.error().message().find("line 2, column 4 (memory.total)"), std::string::npos)
      << query.error().message();
  EXPECT_NE(query.error().message().find("81559MiB"), std::string::npos);
}

TEST(NvidiaSmiQuery, RefusesMalformedRows) {
  const auto column_of = [](const std::string& csv) {
    const auto query = ParseNvidiaSmiQuery(csv);
    EXPECT_FALSE(query.ok()) << csv;
    return query.ok() ? std::string("<accepted>") : Detail(query.error(), "column");
  };
  EXPECT_EQ(column_of("[N/A], GPU-x, NVIDIA H100, 1, 0, 0, 30, 70, 700, 0, 580.1, 0:1:0.0, 1, 1"), "1");
  EXPECT_EQ(column_of("0, [N/A], NVIDIA H100, 1, 0, 0, 30, 70, 700, 0, 580.1, 0:1:0.0, 1, 1"), "2");
  EXPECT_EQ(column_of("0, GPU-x, , 1, 0, 0, 30, 70, 700, 0, 580.1, 0:1:0.0, 1, 1"), "3");
  EXPECT_EQ(column_of("0, GPU-x, NVIDIA H100, -1, 0, 0, 30, 70, 700, 0, 580.1, 0:1:0.0, 1, 1"), "4");
  EXPECT_EQ(column_of("0, GPU-x, NVIDIA H100, 1, 0, 150, 30, 70, 700, 0, 580.1, 0:1:0.0, 1, 1"), "6");
  EXPECT_EQ(column_of("0, GPU-x, NVIDIA H100, 1, 0, 0, 30, 7O.5, 700, 0, 580.1, 0:1:0.0, 1, 1"), "8");
  EXPECT_EQ(column_of("0, GPU-x, NVIDIA H100, 1, 0, 0, 30, nan, 700, 0, 580.1, 0:1:0.0, 1, 1"), "8");
  EXPECT_EQ(column_of("0, GPU-x, NVIDIA H100, 1, 0, 0, 30, 70, -700, 0, 580.1, 0:1:0.0, 1, 1"), "9");
  EXPECT_EQ(column_of("0, GPU-x, NVIDIA H100, 1, 0, 0, 30, 70, 700, 0, 580.1, 0:1:0.0, 1, 1.5"), "14");
  EXPECT_EQ(column_of(Row(0) + "\n" + Row(1, "81559, 0, 0, 30, 70.00, 700.00, 0", "575.1")), "11");
}

TEST(NvidiaSmiQuery, RefusesARowWithTheWrongNumberOfColumns) {
  const auto query = ParseNvidiaSmiQuery(Row(0) + "\n\n0, GPU-x, NVIDIA H100, 81559\n");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(Detail(query.error(), "line"), "3");
  EXPECT_NE(query.error().message().find("expected 14 columns, got 4"), std::string::npos) << query.error().message();
  EXPECT_FALSE(ParseNvidiaSmiQuery("NVIDIA-SMI has failed because it couldn't communicate with the driver.").ok());
}

TEST(NvidiaSmiCudaVersion, ReadsThePlainBannerToo) {
  const auto version = ParseNvidiaSmiCudaVersion(
      "| NVIDIA-SMI 580.159.04             Driver Version: 580.159.04     CUDA Version: 13.0     |\n");
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, "13.0");
}

TEST(NvidiaSmiCudaVersion, RefusesAMissingOrUnreadableVersion) {
  const auto missing = ParseNvidiaSmiCudaVersion("Driver Version : 580.159.04\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(ParseNvidiaSmiCudaVersion("CUDA Version : N/A\n").ok());
  EXPECT_FALSE(ParseNvidiaSmiCudaVersion("CUDA Version : 13.\n").ok());
  EXPECT_FALSE(ParseNvidiaSmiCudaVersion("").ok());
}

}  // namespace
}  // namespace gpuaas::agent::inventory
