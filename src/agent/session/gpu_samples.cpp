#include "agent/session/gpu_samples.hpp"

namespace gpuaas::agent::session {

std::vector<wire::fleet::GpuSample> SamplesOf(const std::vector<wire::fleet::GpuInfo>& gpus) {
  std::vector<wire::fleet::GpuSample> samples;
  samples.reserve(gpus.size());
  for (const auto& gpu : gpus) {
    samples.push_back({.index = gpu.index,
                       .memory_used_mib = gpu.memory_used_mib,
                       .utilization_pct = gpu.utilization_pct,
                       .temperature_c = gpu.temperature_c,
                       .power_draw_w = gpu.power_draw_w,
                       .ecc_uncorrected = gpu.ecc_uncorrected});
  }
  return samples;
}

}  // namespace gpuaas::agent::session
