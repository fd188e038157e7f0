#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agent/command_runner.hpp"
#include "agent/inventory/gpu_probe.hpp"
#include "agent/inventory/host_facts.hpp"
#include "agent/inventory/nvml.hpp"
#include "agent/inventory/runtimes.hpp"
#include "agent/inventory/simulated.hpp"
#include "shared/result.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::agent::inventory {

inline constexpr std::string_view kDefaultDataDir = "/var/lib/gpuaas-agent";

struct InventoryOptions {
  std::optional<SimulationSpec> simulate;
  HostFactSources host{.data_dir = std::filesystem::path(kDefaultDataDir)};
  std::string nvml_library = std::string(kNvmlLibrary);
  std::string nvidia_smi = "nvidia-smi";
  CommandLimits nvidia_smi_limits;
  std::filesystem::path docker_socket = kDockerSocket;
};

// Options for this host: `simulate_gpus` as --simulate-gpus takes it ("8xH100"; invalid_argument on
// --simulate-gpus when malformed), disk figures of `data_dir` (the default data directory when unset).
Result<InventoryOptions> MakeInventoryOptions(const std::optional<std::string>& simulate_gpus,
                                              const std::optional<std::filesystem::path>& data_dir);

// The GPU sources to ask, in order: the simulation when one is asked for (a developer's
// workstation may have a real GPU and still want eight), then NVML, then nvidia-smi.
std::vector<std::unique_ptr<GpuProbe>> GpuProbesFor(const InventoryOptions& options, std::string_view hostname);

struct GpuSelection {
  GpuReport report;                  // source kNone and no GPUs when every probe failed
  std::vector<std::string> skipped;  // "nvml: <why>" for each source passed over, in order
};

// The first report that a probe gives and that holds valid GPUs (wire::fleet::ValidateGpus).
GpuSelection SelectGpuReport(const std::vector<std::unique_ptr<GpuProbe>>& probes);

// SelectGpuReport over this host's sources, for a heartbeat or a probe that needs only the GPUs.
GpuSelection SelectHostGpus(const InventoryOptions& options);

struct CollectedInventory {
  wire::fleet::HostInventory inventory;
  std::vector<std::string> skipped_gpu_sources;
};

// The host's inventory as the agent reports it: host facts, runtimes and the GPUs of the first
// source that works. Fails only when the host facts cannot be read.
Result<CollectedInventory> CollectInventory(const InventoryOptions& options);

}  // namespace gpuaas::agent::inventory
