#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::agent::inventory {

// The columns asked of `nvidia-smi --query-gpu=… --format=csv,noheader,nounits`, in order.
inline constexpr std::string_view kNvidiaSmiQueryColumns =
    "index,uuid,name,memory.total,memory.used,utilization.gpu,temperature.gpu,power.draw,power.limit,"
    "ecc.errors.uncorrected.volatile.total,driver_version,pci.bus_id,clocks.sm,clocks.max.sm";

struct NvidiaSmiQuery {
  std::vector<wire::fleet::GpuInfo> gpus;
  std::optional<std::string> driver_version;  // from the rows; nullopt when there are none
};

// Parses the CSV of kNvidiaSmiQueryColumns, one row per GPU. "[N/A]", "[Not Supported]" and other
// bracketed values mean "not reported" and become nullopt in the optional telemetry; in an
// identity column (index, uuid, name, memory, driver, bus id) they are an error. Errors are
// invalid_argument with the 1-based line and column in the message and as details.
Result<NvidiaSmiQuery> ParseNvidiaSmiQuery(std::string_view csv);

// "13.0" from the "CUDA Version : 13.0" line of `nvidia-smi -q`; not_found without one.
Result<std::string> ParseNvidiaSmiCudaVersion(std::string_view text);

}  // namespace gpuaas::agent::inventory
