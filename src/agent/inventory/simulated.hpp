#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agent/inventory/gpu_probe.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::inventory {

// `--simulate-gpus 8xH100`: GPUs that do not exist, for development and scale tests on machines
// without them. The inventory always marks them simulated.
struct SimulationSpec {
  std::uint32_t count = 0;  // 1 to kMaxSimulatedGpus
  std::string model;        // a key of KnownSimulatedModels(), as written there ("H100")
};

inline constexpr std::uint32_t kMaxSimulatedGpus = 16;

// "H100", "H200", "A100", "L40S", "L4".
std::vector<std::string_view> KnownSimulatedModels();

// "<count>x<model>", the model in any case. Errors are invalid_argument on --simulate-gpus and
// list the known models.
Result<SimulationSpec> ParseSimulationSpec(std::string_view text);

// Idle GPUs of the model's real specification (memory as nvidia-smi reports it, power limit,
// clocks). UUIDs are derived from hostname, model and index, so every run on a host reports the
// same GPUs and two hosts never share one.
std::vector<wire::fleet::GpuInfo> SimulateGpus(const SimulationSpec& spec, std::string_view hostname);

class SimulatedProbe : public GpuProbe {
 public:
  SimulatedProbe(SimulationSpec spec, std::string hostname) : spec_(std::move(spec)), hostname_(std::move(hostname)) {}
  [[nodiscard]] wire::fleet::GpuSource source() const override { return wire::fleet::GpuSource::kSimulated; }
  [[nodiscard]] Result<GpuReport> Probe() const override;

 private:
  SimulationSpec spec_;
  std::string hostname_;
};

}  // namespace gpuaas::agent::inventory
