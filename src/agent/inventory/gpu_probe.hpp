#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/result.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::agent::inventory {

// What one GPU source saw: the GPU half of a HostInventory.
struct GpuReport {
  wire::fleet::GpuSource source = wire::fleet::GpuSource::kNone;
  std::optional<std::string> driver_version;
  std::optional<std::string> cuda_version;
  std::vector<wire::fleet::GpuInfo> gpus;
};

// One way of finding the host's GPUs (NVML, nvidia-smi, a simulation). The collector asks each in
// turn and keeps the first report; an error means "this source cannot tell", not "no GPUs".
class GpuProbe {
 public:
  virtual ~GpuProbe() = default;
  [[nodiscard]] virtual wire::fleet::GpuSource source() const = 0;
  [[nodiscard]] virtual Result<GpuReport> Probe() const = 0;
};

}  // namespace gpuaas::agent::inventory
