#pragma once

#include <string>

#include "agent/command_runner.hpp"
#include "agent/inventory/gpu_probe.hpp"

namespace gpuaas::agent::inventory {

// The nvidia-smi GPU source, for hosts where NVML cannot be loaded but the tool works (a
// container with the binary mounted, a driver whose NVML lacks a symbol we need). It runs
// `nvidia-smi --query-gpu` for the GPUs and `nvidia-smi -q` for the CUDA version, each under
// the limits; a missing CUDA version leaves it empty rather than failing the source.
class NvidiaSmiProbe : public GpuProbe {
 public:
  explicit NvidiaSmiProbe(std::string program = "nvidia-smi", CommandLimits limits = {})
      : program_(std::move(program)), limits_(limits) {}
  [[nodiscard]] wire::fleet::GpuSource source() const override { return wire::fleet::GpuSource::kNvidiaSmi; }
  [[nodiscard]] Result<GpuReport> Probe() const override;

 private:
  std::string program_;
  CommandLimits limits_;
};

}  // namespace gpuaas::agent::inventory
