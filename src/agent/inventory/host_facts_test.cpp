#include "agent/inventory/host_facts.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::inventory {
namespace {

constexpr std::string_view kX86CpuInfo =
    "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9654 96-Core Processor\ncpu cores\t: 96\n\n"
    "processor\t: 1\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9654 96-Core Processor\ncpu cores\t: 96\n\n";

constexpr std::string_view kArmCpuInfo =
    "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n\n"
    "processor\t: 1\nBogoMIPS\t: 50.00\n\nprocessor\t: 2\n\nprocessor\t: 3\n";

constexpr std::string_view kMemInfo = "MemTotal:       16369512 kB\nMemFree:         1234567 kB\n";

void WriteFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
}

TEST(HostFacts, ReadsModelAndLogicalCpusFromCpuInfo) {
  const auto cpu = ParseCpuInfo(kX86CpuInfo);
  ASSERT_TRUE(cpu.ok());
  EXPECT_EQ(cpu->model, "AMD EPYC 9654 96-Core Processor");
  EXPECT_EQ(cpu->logical_cpus, 2u);
}

TEST(HostFacts, LeavesTheModelEmptyWhenTheKernelGivesNone) {
  const auto cpu = ParseCpuInfo(kArmCpuInfo);
  ASSERT_TRUE(cpu.ok());
  EXPECT_EQ(cpu->model, std::nullopt);
  EXPECT_EQ(cpu->logical_cpus, 4u);
  EXPECT_FALSE(ParseCpuInfo("").ok());
}

TEST(HostFacts, ReadsMemTotalInMib) {
  const auto mib = ParseMemTotalMib(kMemInfo);
  ASSERT_TRUE(mib.ok());
  EXPECT_EQ(*mib, 15985u);  // 16369512 kB / 1024, rounded down
  EXPECT_FALSE(ParseMemTotalMib("MemFree: 12 kB\n").ok());
  EXPECT_FALSE(ParseMemTotalMib("MemTotal: lots\n").ok());
  EXPECT_FALSE(ParseMemTotalMib("MemTotal: 12 MB\n").ok());
}

TEST(HostFacts, ReadsOsReleaseWithShellQuoting) {
  const auto release = ParseOsRelease(
      "# comment\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian \\\"GNU\\\"/Linux\"\n"
      "VERSION_ID='12'\nID=debian\n");
  EXPECT_EQ(release.name, "Debian \"GNU\"/Linux");
  EXPECT_EQ(release.version_id, "12");
  const auto rolling = ParseOsRelease("NAME=Arch Linux\nBUILD_ID=rolling\nVERSION_ID=\n");
  EXPECT_EQ(rolling.name, "Arch Linux");
  EXPECT_EQ(rolling.version_id, std::nullopt);
  EXPECT_EQ(ParseOsRelease("").name, std::nullopt);
}

TEST(HostFacts, MeasuresTheNearestExistingDirectory) {
  const testing::TempDir dir;
  const auto existing = ReadDiskSpace(dir.path());
  const auto future = ReadDiskSpace(dir.path() / "not" / "yet");
  ASSERT_TRUE(existing.ok()) << existing.error().message();
  ASSERT_TRUE(future.ok()) << future.error().message();
  EXPECT_GT(existing->total_gib, 0u);
  EXPECT_LE(existing->free_gib, existing->total_gib);
  EXPECT_EQ(future->total_gib, existing->total_gib);
}

TEST(HostFacts, ReadsTheFilesItIsPointedAt) {
  const testing::TempDir dir;
  WriteFile(dir.path() / "cpuinfo", kX86CpuInfo);
  WriteFile(dir.path() / "meminfo", kMemInfo);
  WriteFile(dir.path() / "os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\n");
  const HostFactSources sources{.cpuinfo = dir.path() / "cpuinfo",
                                .meminfo = dir.path() / "meminfo",
                                .os_release = dir.path() / "absent",
                                .os_release_fallback = dir.path() / "os-release",
                                .data_dir = dir.path() / "data"};
  const auto facts = ReadHostFacts(sources);
  ASSERT_TRUE(facts.ok()) << facts.error().message();
  EXPECT_FALSE(facts->hostname.empty());
  EXPECT_FALSE(facts->kernel.empty());
  EXPECT_EQ(facts->cpu_model, "AMD EPYC 9654 96-Core Processor");
  EXPECT_EQ(facts->cpu_cores, 2u);
  EXPECT_EQ(facts->memory_total_mib, 15985u);
  EXPECT_EQ(facts->os_name, "Ubuntu");
  EXPECT_EQ(facts->os_version, "24.04");
  EXPECT_GT(facts->disk_total_gib, 0u);
}

TEST(HostFacts, ToleratesAMissingOsReleaseButNotAMissingProcFile) {
  const testing::TempDir dir;
  WriteFile(dir.path() / "cpuinfo", kX86CpuInfo);
  WriteFile(dir.path() / "meminfo", kMemInfo);
  HostFactSources sources{.cpuinfo = dir.path() / "cpuinfo",
                          .meminfo = dir.path() / "meminfo",
                          .os_release = dir.path() / "absent",
                          .os_release_fallback = dir.path() / "absent-too",
                          .data_dir = dir.path()};
  const auto facts = ReadHostFacts(sources);
  ASSERT_TRUE(facts.ok()) << facts.error().message();
  EXPECT_EQ(facts->os_name, std::nullopt);
  EXPECT_EQ(facts->os_version, std::nullopt);

  sources.meminfo = dir.path() / "no-meminfo";
  const auto broken = ReadHostFacts(sources);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message().find("no-meminfo"), std::string::npos);
}

TEST(HostFacts, ReadsThisHost) {
  const testing::TempDir dir;
  const auto facts = ReadHostFacts({.data_dir = dir.path()});
  ASSERT_TRUE(facts.ok()) << facts.error().message();
  EXPECT_GE(facts->cpu_cores, 1u);
  EXPECT_GT(facts->memory_total_mib, 0u);
}

}  // namespace
}  // namespace gpuaas::agent::inventory
