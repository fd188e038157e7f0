#include "agent/inventory/nvml.hpp"

#include <dlfcn.h>

#include <array>
#include <cstring>
#include <type_traits>

namespace gpuaas::agent::inventory {
namespace {

using wire::fleet::GpuInfo;

constexpr unsigned long long kBytesPerMib = 1024ULL * 1024ULL;

std::string ReturnName(nvml_api::Return code) {
  switch (code) {
    case 1: return "uninitialized";
    case 2: return "invalid argument";
    case 3: return "not supported";
    case 4: return "no permission";
    case 6: return "not found";
    case 9: return "driver not loaded";
    case 12: return "library not found";
    case 13: return "function not found";
    case 15: return "GPU is lost";
    case 18: return "driver/library version mismatch";
    default: return "error " + std::to_string(code);
  }
}

Error Failed(std::string_view call, nvml_api::Return code) {
  return Error::Unavailable("NVML " + std::string(call) + " failed: " + ReturnName(code));
}

// Resolves every entry point, or names the first the library lacks (an old driver).
Status ResolveAll(void* library, NvmlSymbols& s) {
  Status status;
  const auto resolve = [&](const char* name, auto& out) {
    if (!status.ok()) return;
    // dlsym hands functions back as void*; POSIX guarantees the conversion is meaningful.
    out = reinterpret_cast<std::remove_reference_t<decltype(out)>>(::dlsym(library, name));
    if (out == nullptr) status = Error::Unavailable(std::string("NVML library lacks ") + name);
  };
  resolve("nvmlInit_v2", s.init);
  resolve("nvmlShutdown", s.shutdown);
  resolve("nvmlDeviceGetCount_v2", s.device_count);
  resolve("nvmlDeviceGetHandleByIndex_v2", s.device_by_index);
  resolve("nvmlDeviceGetUUID", s.device_uuid);
  resolve("nvmlDeviceGetName", s.device_name);
  resolve("nvmlDeviceGetMemoryInfo", s.memory_info);
  resolve("nvmlDeviceGetUtilizationRates", s.utilization);
  resolve("nvmlDeviceGetTemperature", s.temperature);
  resolve("nvmlDeviceGetPowerUsage", s.power_usage);
  resolve("nvmlDeviceGetEnforcedPowerLimit", s.power_limit);
  resolve("nvmlDeviceGetTotalEccErrors", s.ecc_errors);
  resolve("nvmlDeviceGetPciInfo_v3", s.pci_info);
  resolve("nvmlDeviceGetClockInfo", s.clock);
  resolve("nvmlDeviceGetMaxClockInfo", s.max_clock);
  resolve("nvmlSystemGetDriverVersion", s.driver_version);
  resolve("nvmlSystemGetCudaDriverVersion_v2", s.cuda_version);
  return status;
}

// A telemetry value, or nullopt when the device cannot give it. Telemetry is best effort: a
// sensor NVML cannot read must not hide the GPU from the scheduler.
template <typename T, typename Fn, typename... Args>
std::optional<T> Optional(Fn fn, Args... args) {
  T value{};
  if (fn(args..., &value) != nvml_api::kSuccess) return std::nullopt;
  return value;
}

std::optional<double> Watts(nvml_api::DeviceGetMilliwattsFn fn, nvml_api::Device device) {
  const auto milliwatts = Optional<unsigned int>(fn, device);
  if (!milliwatts) return std::nullopt;
  return static_cast<double>(*milliwatts) / 1000.0;
}

// The bounded C string NVML wrote into `buffer`.
template <std::size_t N>
std::string Text(const std::array<char, N>& buffer) {
  return {buffer.data(), ::strnlen(buffer.data(), N)};
}

Result<GpuInfo> ReadDevice(const NvmlSymbols& s, unsigned int index) {
  nvml_api::Device device = nullptr;
  if (const auto rc = s.device_by_index(index, &device)) return Failed("GetHandleByIndex", rc);
  std::array<char, nvml_api::kUuidBufferSize> uuid{};
  if (const auto rc = s.device_uuid(device, uuid.data(), uuid.size())) return Failed("GetUUID", rc);
  std::array<char, nvml_api::kNameBufferSize> name{};
  if (const auto rc = s.device_name(device, name.data(), name.size())) return Failed("GetName", rc);
  nvml_api::Memory memory{};
  if (const auto rc = s.memory_info(device, &memory)) return Failed("GetMemoryInfo", rc);
  nvml_api::PciInfo pci{};
  if (const auto rc = s.pci_info(device, &pci)) return Failed("GetPciInfo_v3", rc);

  GpuInfo gpu;
  gpu.index = index;
  gpu.uuid = Text(uuid);
  gpu.model = Text(name);
  gpu.memory_total_mib = memory.total / kBytesPerMib;
  gpu.memory_used_mib = memory.used / kBytesPerMib;
  if (const auto rates = Optional<nvml_api::Utilization>(s.utilization, device)) gpu.utilization_pct = rates->gpu;
  gpu.temperature_c = Optional<unsigned int>(s.temperature, device, nvml_api::kTemperatureGpu);
  gpu.power_draw_w = Watts(s.power_usage, device);
  gpu.power_limit_w = Watts(s.power_limit, device);
  gpu.ecc_uncorrected =
      Optional<unsigned long long>(s.ecc_errors, device, nvml_api::kMemoryErrorUncorrected, nvml_api::kVolatileEcc);
  gpu.pci_bus_id = std::string(pci.bus_id, ::strnlen(pci.bus_id, sizeof(pci.bus_id)));
  gpu.sm_clock_mhz = Optional<unsigned int>(s.clock, device, nvml_api::kClockSm);
  gpu.max_sm_clock_mhz = Optional<unsigned int>(s.max_clock, device, nvml_api::kClockSm);
  return gpu;
}

}  // namespace

void Nvml::LibraryCloser::operator()(void* handle) const {
  if (handle != nullptr) ::dlclose(handle);
}

Result<Nvml> Nvml::Open(std::string_view library) {
  const std::string name(library);
  std::unique_ptr<void, LibraryCloser> handle(::dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL));
  if (!handle) {
    const char* reason = ::dlerror();
    return Error::Unavailable("NVML not loaded: " + std::string(reason != nullptr ? reason : name));
  }
  NvmlSymbols symbols;
  GPUAAS_RETURN_IF_ERROR(ResolveAll(handle.get(), symbols));
  if (const auto rc = symbols.init()) return Failed("Init_v2", rc);
  return Nvml(std::move(handle), symbols);
}

Result<GpuReport> Nvml::Read() const {
  GpuReport report;
  report.source = wire::fleet::GpuSource::kNvml;
  std::array<char, nvml_api::kDriverVersionBufferSize> driver{};
  if (const auto rc = symbols_.driver_version(driver.data(), driver.size())) {
    return Failed("SystemGetDriverVersion", rc);
  }
  report.driver_version = Text(driver);
  if (const auto cuda = Optional<int>(symbols_.cuda_version); cuda && *cuda > 0) {
    report.cuda_version = std::to_string(*cuda / 1000) + "." + std::to_string((*cuda % 1000) / 10);
  }
  unsigned int count = 0;
  if (const auto rc = symbols_.device_count(&count)) return Failed("DeviceGetCount_v2", rc);
  for (unsigned int index = 0; index < count; ++index) {
    GPUAAS_ASSIGN_OR_RETURN(auto gpu, ReadDevice(symbols_, index));
    report.gpus.push_back(std::move(gpu));
  }
  return report;
}

Result<GpuReport> NvmlProbe::Probe() const {
  GPUAAS_ASSIGN_OR_RETURN(const auto nvml, Nvml::Open(library_));
  return nvml.Read();
}

}  // namespace gpuaas::agent::inventory
