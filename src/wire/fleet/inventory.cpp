#include "wire/fleet/inventory.hpp"

#include <boost/json.hpp>

#include <array>
#include <limits>
#include <map>
#include <utility>

#include "wire/fleet/json_helpers.hpp"
#include "wire/json_object_reader.hpp"

namespace gpuaas::wire::fleet {
namespace {

using internal::ElementPath;
using internal::kMaxU32;
using internal::Narrow;
using internal::OrNull;

constexpr std::array kSources{std::pair{GpuSource::kSimulated, std::string_view("simulated")},
                              std::pair{GpuSource::kNvml, std::string_view("nvml")},
                              std::pair{GpuSource::kNvidiaSmi, std::string_view("nvidia-smi")},
                              std::pair{GpuSource::kNone, std::string_view("none")}};

}  // namespace

std::string_view GpuSourceName(GpuSource source) {
  for (const auto& [value, name] : kSources) {
    if (value == source) return name;
  }
  return "none";
}

std::optional<GpuSource> ParseGpuSource(std::string_view name) {
  for (const auto& [value, known] : kSources) {
    if (known == name) return value;
  }
  return std::nullopt;
}

boost::json::value ToJson(const GpuInfo& gpu) {
  return boost::json::object{{"index", gpu.index},
                             {"uuid", gpu.uuid},
                             {"model", gpu.model},
                             {"memory_total_mib", gpu.memory_total_mib},
                             {"memory_used_mib", gpu.memory_used_mib},
                             {"utilization_pct", OrNull(gpu.utilization_pct)},
                             {"temperature_c", OrNull(gpu.temperature_c)},
                             {"power_draw_w", OrNull(gpu.power_draw_w)},
                             {"power_limit_w", OrNull(gpu.power_limit_w)},
                             {"ecc_uncorrected", OrNull(gpu.ecc_uncorrected)},
                             {"pci_bus_id", gpu.pci_bus_id},
                             {"sm_clock_mhz", OrNull(gpu.sm_clock_mhz)},
                             {"max_sm_clock_mhz", OrNull(gpu.max_sm_clock_mhz)}};
}

boost::json::value ToJson(const HostInventory& inventory) {
  boost::json::array runtimes;
  for (const auto& runtime : inventory.runtimes) runtimes.emplace_back(runtime);
  boost::json::array gpus;
  for (const auto& gpu : inventory.gpus) gpus.push_back(ToJson(gpu));
  return boost::json::object{{"hostname", inventory.hostname},
                             {"cpu_model", OrNull(inventory.cpu_model)},
                             {"cpu_cores", inventory.cpu_cores},
                             {"memory_total_mib", inventory.memory_total_mib},
                             {"disk_total_gib", inventory.disk_total_gib},
                             {"disk_free_gib", inventory.disk_free_gib},
                             {"os_name", OrNull(inventory.os_name)},
                             {"os_version", OrNull(inventory.os_version)},
                             {"kernel", inventory.kernel},
                             {"agent_version", inventory.agent_version},
                             {"runtimes", std::move(runtimes)},
                             {"gpu_source", GpuSourceName(inventory.gpu_source)},
                             {"simulated", inventory.simulated},
                             {"driver_version", OrNull(inventory.driver_version)},
                             {"cuda_version", OrNull(inventory.cuda_version)},
                             {"gpus", std::move(gpus)}};
}

Result<GpuInfo> GpuInfoFromJson(const boost::json::value& json, std::string_view path) {
  GPUAAS_ASSIGN_OR_RETURN(auto reader, JsonObjectReader::Open(json, path));
  GpuInfo gpu;
  gpu.index = static_cast<std::uint32_t>(reader.Unsigned("index", kMaxU32));
  gpu.uuid = reader.String("uuid");
  gpu.model = reader.String("model");
  gpu.memory_total_mib = reader.Unsigned("memory_total_mib");
  gpu.memory_used_mib = reader.Unsigned("memory_used_mib");
  gpu.utilization_pct = Narrow(reader.OptionalUnsigned("utilization_pct", 100));
  gpu.temperature_c = Narrow(reader.OptionalUnsigned("temperature_c", kMaxU32));
  gpu.power_draw_w = reader.OptionalNonNegative("power_draw_w");
  gpu.power_limit_w = reader.OptionalNonNegative("power_limit_w");
  gpu.ecc_uncorrected = reader.OptionalUnsigned("ecc_uncorrected");
  gpu.pci_bus_id = reader.String("pci_bus_id");
  gpu.sm_clock_mhz = Narrow(reader.OptionalUnsigned("sm_clock_mhz", kMaxU32));
  gpu.max_sm_clock_mhz = Narrow(reader.OptionalUnsigned("max_sm_clock_mhz", kMaxU32));
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  GPUAAS_RETURN_IF_ERROR(Validate(gpu, path));
  return gpu;
}

Result<HostInventory> HostInventoryFromJson(const boost::json::value& json) {
  GPUAAS_ASSIGN_OR_RETURN(auto reader, JsonObjectReader::Open(json, ""));
  HostInventory inventory;
  inventory.hostname = reader.String("hostname");
  inventory.cpu_model = reader.OptionalString("cpu_model");
  inventory.cpu_cores = static_cast<std::uint32_t>(reader.Unsigned("cpu_cores", kMaxU32));
  inventory.memory_total_mib = reader.Unsigned("memory_total_mib");
  inventory.disk_total_gib = reader.Unsigned("disk_total_gib");
  inventory.disk_free_gib = reader.Unsigned("disk_free_gib");
  inventory.os_name = reader.OptionalString("os_name");
  inventory.os_version = reader.OptionalString("os_version");
  inventory.kernel = reader.String("kernel");
  inventory.agent_version = reader.String("agent_version");
  if (const auto* runtimes = reader.Array("runtimes")) {
    for (std::size_t i = 0; i < runtimes->size(); ++i) {
      const auto& runtime = (*runtimes)[i];
      if (!runtime.is_string()) {
        reader.Fail(ElementPath("runtimes", i), "expected a string");
        break;
      }
      inventory.runtimes.emplace_back(runtime.get_string());
    }
  }
  const auto source_name = reader.String("gpu_source");
  const auto source = ParseGpuSource(source_name);
  if (!source && !reader.failed()) reader.Fail("gpu_source", "expected simulated, nvml, nvidia-smi or none");
  inventory.gpu_source = source.value_or(GpuSource::kNone);
  inventory.simulated = reader.Bool("simulated");
  inventory.driver_version = reader.OptionalString("driver_version");
  inventory.cuda_version = reader.OptionalString("cuda_version");
  const auto* gpus = reader.Array("gpus");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  for (std::size_t i = 0; i < gpus->size(); ++i) {
    GPUAAS_ASSIGN_OR_RETURN(auto gpu, GpuInfoFromJson((*gpus)[i], ElementPath("gpus", i)));
    inventory.gpus.push_back(std::move(gpu));
  }
  GPUAAS_RETURN_IF_ERROR(Validate(inventory));
  return inventory;
}

Result<HostInventory> ParseHostInventory(std::string_view text) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(text, ec);
  if (ec) return Error::InvalidArgument("body", "is not valid JSON: " + ec.message());
  return HostInventoryFromJson(json);
}

Status Validate(const GpuInfo& gpu, std::string_view path) {
  const auto field = [path](std::string_view name) {
    return path.empty() ? std::string(name) : std::string(path) + "." + std::string(name);
  };
  if (gpu.uuid.empty()) return Error::InvalidArgument(field("uuid"), "must not be empty");
  if (gpu.model.empty()) return Error::InvalidArgument(field("model"), "must not be empty");
  if (gpu.pci_bus_id.empty()) return Error::InvalidArgument(field("pci_bus_id"), "must not be empty");
  if (gpu.memory_used_mib > gpu.memory_total_mib) {
    return Error::InvalidArgument(field("memory_used_mib"), "exceeds memory_total_mib");
  }
  if (gpu.utilization_pct && *gpu.utilization_pct > 100) {
    return Error::InvalidArgument(field("utilization_pct"), "must be at most 100");
  }
  return Ok();
}

Status Validate(const HostInventory& inventory) {
  if (inventory.hostname.empty()) return Error::InvalidArgument("hostname", "must not be empty");
  if (inventory.kernel.empty()) return Error::InvalidArgument("kernel", "must not be empty");
  if (inventory.agent_version.empty()) return Error::InvalidArgument("agent_version", "must not be empty");
  if (inventory.cpu_cores == 0) return Error::InvalidArgument("cpu_cores", "must be at least 1");
  if (inventory.disk_free_gib > inventory.disk_total_gib) {
    return Error::InvalidArgument("disk_free_gib", "exceeds disk_total_gib");
  }
  for (std::size_t i = 0; i < inventory.runtimes.size(); ++i) {
    const auto& runtime = inventory.runtimes[i];
    if (runtime != kRuntimeProcess && runtime != kRuntimeDocker) {
      return Error::InvalidArgument(ElementPath("runtimes", i), "expected process or docker, got '" + runtime + "'");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (inventory.runtimes[j] == runtime)
        return Error::InvalidArgument(ElementPath("runtimes", i), "is listed twice");
    }
  }
  if (inventory.simulated != (inventory.gpu_source == GpuSource::kSimulated)) {
    return Error::InvalidArgument("simulated", "must be true exactly when gpu_source is simulated");
  }
  if (inventory.gpu_source == GpuSource::kNone) {
    if (!inventory.gpus.empty()) return Error::InvalidArgument("gpus", "must be empty when gpu_source is none");
    if (inventory.driver_version)
      return Error::InvalidArgument("driver_version", "must be null when gpu_source is none");
    if (inventory.cuda_version) return Error::InvalidArgument("cuda_version", "must be null when gpu_source is none");
  }
  return ValidateGpus(inventory.gpus);
}

Status ValidateGpus(const std::vector<GpuInfo>& gpus) {
  std::map<std::uint32_t, std::size_t> indexes;
  std::map<std::string, std::size_t, std::less<>> uuids;
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    const auto& gpu = gpus[i];
    const auto path = ElementPath("gpus", i);
    GPUAAS_RETURN_IF_ERROR(Validate(gpu, path));
    if (auto [at, added] = indexes.emplace(gpu.index, i); !added) {
      return Error::InvalidArgument(path + ".index", "repeats " + ElementPath("gpus", at->second) + ".index");
    }
    if (auto [at, added] = uuids.emplace(gpu.uuid, i); !added) {
      return Error::InvalidArgument(path + ".uuid", "repeats " + ElementPath("gpus", at->second) + ".uuid");
    }
  }
  return Ok();
}

}  // namespace gpuaas::wire::fleet
