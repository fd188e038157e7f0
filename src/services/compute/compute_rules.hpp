#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::services {

// The GPU family a model name belongs to, as SKUs name it: "NVIDIA H100 80GB HBM3" -> "H100",
// "NVIDIA A100-SXM4-80GB" -> "A100", "NVIDIA L40S" -> "L40S". The first word with a digit that is
// not a memory size; upper-cased. Empty when there is none.
std::string GpuFamily(std::string_view model);

// Workload names: 1 to 63 of [a-z0-9-], starting with a letter or digit (they become part of
// Unix user names and host labels).
Status ValidateWorkloadName(std::string_view name, std::string_view field);

// States in which a workload holds, or may still hold, GPUs.
bool HoldsCapacity(std::string_view state);
bool IsTerminalState(std::string_view state);  // released | failed (release_failed still needs action)

// The Unix user a workload runs as on its node: "gw-" and the id's random part, at most 32 chars.
std::string WorkloadUnixUser(std::string_view workload_id);

// CUDA_VISIBLE_DEVICES for a block of GPUs: "2,3".
std::string CudaVisibleDevices(std::int64_t first_gpu, std::int64_t gpus);

}  // namespace gpuaas::services
