#pragma once

// The few NVML declarations the agent uses, written from NVIDIA's public NVML API reference
// (docs.nvidia.com/deploy/nvml-api). The agent never links libnvidia-ml: it resolves these
// symbols at run time, so one binary runs on hosts with and without the driver.

namespace gpuaas::agent::inventory::nvml_api {

using Return = int;                   // nvmlReturn_t; C enums are int-sized on every ABI we build for
using Device = struct DeviceOpaque*;  // nvmlDevice_t

inline constexpr Return kSuccess = 0;
inline constexpr Return kErrorNotSupported = 3;

// nvmlTemperatureSensors_t, nvmlClockType_t, nvmlMemoryErrorType_t, nvmlEccCounterType_t values.
inline constexpr int kTemperatureGpu = 0;
inline constexpr int kClockSm = 1;
inline constexpr int kMemoryErrorUncorrected = 1;
inline constexpr int kVolatileEcc = 0;

// Buffer sizes the API documents as sufficient.
inline constexpr unsigned kUuidBufferSize = 96;           // NVML_DEVICE_UUID_V2_BUFFER_SIZE
inline constexpr unsigned kNameBufferSize = 96;           // NVML_DEVICE_NAME_V2_BUFFER_SIZE
inline constexpr unsigned kDriverVersionBufferSize = 80;  // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE

struct Memory {  // nvmlMemory_t (v1), in bytes
  unsigned long long total;
  unsigned long long free;
  unsigned long long used;
};

struct Utilization {  // nvmlUtilization_t, percent over the last sample period
  unsigned int gpu;
  unsigned int memory;
};

struct PciInfo {  // nvmlPciInfo_t as filled by nvmlDeviceGetPciInfo_v3
  char bus_id_legacy[16];
  unsigned int domain;
  unsigned int bus;
  unsigned int device;
  unsigned int pci_device_id;
  unsigned int pci_subsystem_id;
  char bus_id[32];
};

// The layouts must match the library's byte for byte.
static_assert(sizeof(Memory) == 24);
static_assert(sizeof(Utilization) == 8);
static_assert(sizeof(PciInfo) == 68);

extern "C" {
using InitFn = Return (*)();
using ShutdownFn = Return (*)();
using DeviceGetCountFn = Return (*)(unsigned int* count);
using DeviceGetHandleByIndexFn = Return (*)(unsigned int index, Device* device);
using DeviceGetStringFn = Return (*)(Device device, char* buffer, unsigned int length);  // UUID, name
using DeviceGetMemoryInfoFn = Return (*)(Device device, Memory* memory);
using DeviceGetUtilizationRatesFn = Return (*)(Device device, Utilization* utilization);
using DeviceGetTemperatureFn = Return (*)(Device device, int sensor, unsigned int* celsius);
using DeviceGetMilliwattsFn = Return (*)(Device device, unsigned int* milliwatts);  // power usage, limit
using DeviceGetTotalEccErrorsFn = Return (*)(Device device, int error_type, int counter_type,
                                             unsigned long long* count);
using DeviceGetPciInfoFn = Return (*)(Device device, PciInfo* pci);
using DeviceGetClockFn = Return (*)(Device device, int clock_type, unsigned int* mhz);
using SystemGetDriverVersionFn = Return (*)(char* buffer, unsigned int length);
using SystemGetCudaDriverVersionFn = Return (*)(int* version);  // 13000 for CUDA 13.0
}

}  // namespace gpuaas::agent::inventory::nvml_api
