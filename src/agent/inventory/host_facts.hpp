#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::agent::inventory {

// What the host says about itself, apart from GPUs and runtimes.
struct HostFacts {
  std::string hostname;
  std::string kernel;
  std::optional<std::string> cpu_model;
  std::uint32_t cpu_cores = 0;
  std::uint64_t memory_total_mib = 0;
  std::uint64_t disk_total_gib = 0;
  std::uint64_t disk_free_gib = 0;
  std::optional<std::string> os_name;
  std::optional<std::string> os_version;
};

// Parsers over file text, so tests feed captured strings.
struct CpuInfo {
  std::optional<std::string> model;  // "model name" of the first processor; ARM kernels often omit it
  std::uint32_t logical_cpus = 0;    // "processor" entries: hardware threads
};
Result<CpuInfo> ParseCpuInfo(std::string_view proc_cpuinfo);
Result<std::uint64_t> ParseMemTotalMib(std::string_view proc_meminfo);  // MemTotal, kB to MiB

struct OsRelease {
  std::optional<std::string> name;        // NAME
  std::optional<std::string> version_id;  // VERSION_ID; rolling releases have none
};
OsRelease ParseOsRelease(std::string_view os_release);  // shell-style KEY=value, quotes removed

struct DiskSpace {
  std::uint64_t total_gib = 0;
  std::uint64_t free_gib = 0;  // available to unprivileged writers, as the agent's workloads are
};
// statvfs of the filesystem that holds `path`. The data directory may not exist yet (the agent
// creates it on enrollment), so the nearest existing ancestor stands in for it.
Result<DiskSpace> ReadDiskSpace(const std::filesystem::path& path);

// Where ReadHostFacts reads from; tests point it at fixture files.
struct HostFactSources {
  std::filesystem::path cpuinfo = "/proc/cpuinfo";
  std::filesystem::path meminfo = "/proc/meminfo";
  std::filesystem::path os_release = "/etc/os-release";
  std::filesystem::path os_release_fallback = "/usr/lib/os-release";  // per os-release(5)
  std::filesystem::path data_dir;
};

// The thin reader over the real files and uname(2). A missing os-release leaves the OS fields
// empty; unreadable /proc files or statvfs are errors.
Result<HostFacts> ReadHostFacts(const HostFactSources& sources);

}  // namespace gpuaas::agent::inventory
