#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::wire::fleet {

// One GPU as the agent reports it. Telemetry a device cannot give (nvidia-smi "[N/A]" or
// "[Not Supported]", NVML_ERROR_NOT_SUPPORTED: ECC on consumer boards, utilisation under MIG)
// is std::nullopt and travels as JSON null, so "not reported" is never confused with zero.
struct GpuInfo {
  std::uint32_t index = 0;  // the driver's enumeration order, as CUDA_VISIBLE_DEVICES counts it
  std::string uuid;         // "GPU-f73c016c-…": stable across reboots, the identity the server keys on
  std::string model;        // "NVIDIA H100 80GB HBM3"
  std::uint64_t memory_total_mib = 0;
  std::uint64_t memory_used_mib = 0;
  std::optional<std::uint32_t> utilization_pct;
  std::optional<std::uint32_t> temperature_c;
  std::optional<double> power_draw_w;
  std::optional<double> power_limit_w;
  std::optional<std::uint64_t> ecc_uncorrected;  // volatile uncorrected ECC errors since the last driver load
  std::string pci_bus_id;                        // "00000000:00:06.0"
  std::optional<std::uint32_t> sm_clock_mhz;
  std::optional<std::uint32_t> max_sm_clock_mhz;

  bool operator==(const GpuInfo&) const = default;
};

// Where the GPU list came from; the agent tries them in this order and stops at the first that works.
enum class GpuSource { kSimulated, kNvml, kNvidiaSmi, kNone };

std::string_view GpuSourceName(GpuSource source);  // "simulated", "nvml", "nvidia-smi", "none"
std::optional<GpuSource> ParseGpuSource(std::string_view name);

// The runtimes an agent can start workloads with.
inline constexpr std::string_view kRuntimeProcess = "process";
inline constexpr std::string_view kRuntimeDocker = "docker";

// What a node is: sent by the agent in its hello, stored by the server as the node's inventory.
// Host facts the machine does not state (no /etc/os-release, no "model name" on some ARM CPUs)
// are std::nullopt / JSON null rather than an invented value.
struct HostInventory {
  std::string hostname;
  std::optional<std::string> cpu_model;
  std::uint32_t cpu_cores = 0;  // logical CPUs (hardware threads): what cgroup CPU limits count
  std::uint64_t memory_total_mib = 0;
  std::uint64_t disk_total_gib = 0;       // the filesystem holding the agent's data directory
  std::uint64_t disk_free_gib = 0;        // available to the agent (statvfs f_bavail), rounded down
  std::optional<std::string> os_name;     // /etc/os-release NAME
  std::optional<std::string> os_version;  // /etc/os-release VERSION_ID
  std::string kernel;                     // uname release
  std::string agent_version;
  std::vector<std::string> runtimes;  // kRuntimeProcess, kRuntimeDocker
  GpuSource gpu_source = GpuSource::kNone;
  bool simulated = false;                     // true exactly when gpu_source is kSimulated; shown as such in every UI
  std::optional<std::string> driver_version;  // null when gpu_source is kNone
  std::optional<std::string> cuda_version;    // "13.0"; null when unknown
  std::vector<GpuInfo> gpus;

  bool operator==(const HostInventory&) const = default;
};

boost::json::value ToJson(const GpuInfo& gpu);
boost::json::value ToJson(const HostInventory& inventory);

// Strict readers: every field must be present with its JSON type (null only where the field is
// optional), unknown fields are refused, and the rules of Validate hold. Errors are
// invalid_argument naming the field by its path, e.g. "gpus[1].memory_total_mib: expected …".
Result<GpuInfo> GpuInfoFromJson(const boost::json::value& json, std::string_view path = "");
Result<HostInventory> HostInventoryFromJson(const boost::json::value& json);
Result<HostInventory> ParseHostInventory(std::string_view text);

// The rules beyond types: simulated matches gpu_source, "none" has no GPUs and no driver, GPU
// indexes and UUIDs are unique, used memory and free disk do not exceed their totals, runtimes are known.
Status Validate(const GpuInfo& gpu, std::string_view path = "");
Status Validate(const HostInventory& inventory);
// Each GPU valid, indexes and UUIDs unique; errors name "gpus[i].field".
Status ValidateGpus(const std::vector<GpuInfo>& gpus);

}  // namespace gpuaas::wire::fleet
