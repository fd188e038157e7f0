#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "agent/inventory/gpu_probe.hpp"
#include "agent/inventory/nvml_api.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::inventory {

inline constexpr std::string_view kNvmlLibrary = "libnvidia-ml.so.1";

// The entry points GPUaaS uses, resolved from the loaded library.
struct NvmlSymbols {
  nvml_api::InitFn init = nullptr;
  nvml_api::ShutdownFn shutdown = nullptr;
  nvml_api::DeviceGetCountFn device_count = nullptr;
  nvml_api::DeviceGetHandleByIndexFn device_by_index = nullptr;
  nvml_api::DeviceGetStringFn device_uuid = nullptr;
  nvml_api::DeviceGetStringFn device_name = nullptr;
  nvml_api::DeviceGetMemoryInfoFn memory_info = nullptr;
  nvml_api::DeviceGetUtilizationRatesFn utilization = nullptr;
  nvml_api::DeviceGetTemperatureFn temperature = nullptr;
  nvml_api::DeviceGetMilliwattsFn power_usage = nullptr;
  nvml_api::DeviceGetMilliwattsFn power_limit = nullptr;
  nvml_api::DeviceGetTotalEccErrorsFn ecc_errors = nullptr;
  nvml_api::DeviceGetPciInfoFn pci_info = nullptr;
  nvml_api::DeviceGetClockFn clock = nullptr;
  nvml_api::DeviceGetClockFn max_clock = nullptr;
  nvml_api::SystemGetDriverVersionFn driver_version = nullptr;
  nvml_api::SystemGetCudaDriverVersionFn cuda_version = nullptr;
};

// NVML loaded with dlopen and initialised. Destroying it calls nvmlShutdown, then dlclose.
class Nvml {
 public:
  // Fails (unavailable) when the library is absent, lacks one of the symbols or nvmlInit fails:
  // the usual state of a host without the NVIDIA driver, where the caller falls back to nvidia-smi.
  static Result<Nvml> Open(std::string_view library = kNvmlLibrary);

  // Every GPU NVML enumerates. Identity (UUID, name, memory, PCI bus id) must be readable;
  // telemetry a device does not support is left empty.
  [[nodiscard]] Result<GpuReport> Read() const;

 private:
  struct LibraryCloser {
    void operator()(void* handle) const;
  };
  // Declared after the library so that it is destroyed first: nvmlShutdown needs the code loaded.
  struct Session {
    nvml_api::ShutdownFn shutdown = nullptr;
    Session() = default;
    explicit Session(nvml_api::ShutdownFn fn) : shutdown(fn) {}
    Session(Session&& other) noexcept : shutdown(std::exchange(other.shutdown, nullptr)) {}
    Session& operator=(Session&&) = delete;
    Session(const Session&) = delete;
    ~Session() {
      if (shutdown != nullptr) shutdown();
    }
  };

  Nvml(std::unique_ptr<void, LibraryCloser> library, const NvmlSymbols& symbols)
      : library_(std::move(library)), symbols_(symbols), session_(symbols.shutdown) {}

  std::unique_ptr<void, LibraryCloser> library_;
  NvmlSymbols symbols_;
  Session session_;
};

// The NVML GPU source.
class NvmlProbe : public GpuProbe {
 public:
  explicit NvmlProbe(std::string library = std::string(kNvmlLibrary)) : library_(std::move(library)) {}
  [[nodiscard]] wire::fleet::GpuSource source() const override { return wire::fleet::GpuSource::kNvml; }
  [[nodiscard]] Result<GpuReport> Probe() const override;

 private:
  std::string library_;
};

}  // namespace gpuaas::agent::inventory
