#include "agent/inventory/collector.hpp"

#include <unistd.h>

#include <array>

#include "agent/inventory/nvidia_smi_probe.hpp"
#include "shared/build_info.hpp"

namespace gpuaas::agent::inventory {

Result<InventoryOptions> MakeInventoryOptions(const std::optional<std::string>& simulate_gpus,
                                              const std::optional<std::filesystem::path>& data_dir) {
  InventoryOptions options;
  if (simulate_gpus) {
    GPUAAS_ASSIGN_OR_RETURN(options.simulate, ParseSimulationSpec(*simulate_gpus));
  }
  if (data_dir) options.host.data_dir = *data_dir;
  return options;
}

std::vector<std::unique_ptr<GpuProbe>> GpuProbesFor(const InventoryOptions& options, std::string_view hostname) {
  std::vector<std::unique_ptr<GpuProbe>> probes;
  if (options.simulate) probes.push_back(std::make_unique<SimulatedProbe>(*options.simulate, std::string(hostname)));
  probes.push_back(std::make_unique<NvmlProbe>(options.nvml_library));
  probes.push_back(std::make_unique<NvidiaSmiProbe>(options.nvidia_smi, options.nvidia_smi_limits));
  return probes;
}

GpuSelection SelectGpuReport(const std::vector<std::unique_ptr<GpuProbe>>& probes) {
  GpuSelection selection;
  for (const auto& probe : probes) {
    const auto name = std::string(wire::fleet::GpuSourceName(probe->source()));
    auto report = probe->Probe();
    if (!report) {
      selection.skipped.push_back(name + ": " + report.error().message());
      continue;
    }
    // A source that reports nonsense is passed over like one that failed, so the next may do better.
    if (auto valid = wire::fleet::ValidateGpus(report->gpus); !valid) {
      selection.skipped.push_back(name + ": reported an invalid GPU: " + valid.error().message());
      continue;
    }
    selection.report = std::move(report).value();
    return selection;
  }
  selection.report = GpuReport{};  // source kNone
  return selection;
}

GpuSelection SelectHostGpus(const InventoryOptions& options) {
  // The hostname only seeds simulated UUIDs; it must be the one CollectInventory reports.
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0) name[0] = '\0';
  return SelectGpuReport(GpuProbesFor(options, name.data()));
}

Result<CollectedInventory> CollectInventory(const InventoryOptions& options) {
  GPUAAS_ASSIGN_OR_RETURN(auto host, ReadHostFacts(options.host));
  auto gpus = SelectGpuReport(GpuProbesFor(options, host.hostname));

  wire::fleet::HostInventory inventory;
  inventory.hostname = std::move(host.hostname);
  inventory.cpu_model = std::move(host.cpu_model);
  inventory.cpu_cores = host.cpu_cores;
  inventory.memory_total_mib = host.memory_total_mib;
  inventory.disk_total_gib = host.disk_total_gib;
  inventory.disk_free_gib = host.disk_free_gib;
  inventory.os_name = std::move(host.os_name);
  inventory.os_version = std::move(host.os_version);
  inventory.kernel = std::move(host.kernel);
  inventory.agent_version = VersionString();
  inventory.runtimes = DetectRuntimes(options.docker_socket);
  inventory.gpu_source = gpus.report.source;
  inventory.simulated = gpus.report.source == wire::fleet::GpuSource::kSimulated;
  inventory.driver_version = std::move(gpus.report.driver_version);
  inventory.cuda_version = std::move(gpus.report.cuda_version);
  inventory.gpus = std::move(gpus.report.gpus);
  // What leaves the agent must pass the server's reader; a failure here is a bug in the agent.
  if (auto valid = wire::fleet::Validate(inventory); !valid) {
    return Error::Internal("collected inventory is invalid: " + valid.error().message());
  }
  return CollectedInventory{.inventory = std::move(inventory), .skipped_gpu_sources = std::move(gpus.skipped)};
}

}  // namespace gpuaas::agent::inventory
