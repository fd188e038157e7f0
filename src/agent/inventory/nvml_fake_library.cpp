// A stand-in for libnvidia-ml.so.1, built only for agent_test: two GPUs, the second without ECC
// or power readings, so the NVML loader's whole read path runs on machines without a GPU.
// Built twice; with GPUAAS_FAKE_NVML_INIT_FAILS nvmlInit_v2 reports "driver not loaded".

#include <cstdio>
#include <cstring>

#include "agent/inventory/nvml_api.hpp"

namespace api = gpuaas::agent::inventory::nvml_api;

namespace {

struct FakeDevice {};
FakeDevice devices[2];
int sessions = 0;  // nvmlInit_v2 calls not yet matched by nvmlShutdown

int IndexOf(api::Device device) {
  for (int i = 0; i < 2; ++i) {
    if (reinterpret_cast<FakeDevice*>(device) == &devices[i]) return i;
  }
  return -1;
}

api::Return Copy(const char* text, char* buffer, unsigned int length) {
  if (std::strlen(text) + 1 > length) return 7;  // NVML_ERROR_INSUFFICIENT_SIZE
  std::memcpy(buffer, text, std::strlen(text) + 1);
  return api::kSuccess;
}

}  // namespace

extern "C" {

int gpuaas_fake_nvml_sessions() { return sessions; }

api::Return nvmlInit_v2() {
#ifdef GPUAAS_FAKE_NVML_INIT_FAILS
  return 9;  // NVML_ERROR_DRIVER_NOT_LOADED
#else
  ++sessions;
  return api::kSuccess;
#endif
}

api::Return nvmlShutdown() {
  --sessions;
  return api::kSuccess;
}

api::Return nvmlDeviceGetCount_v2(unsigned int* count) {
  *count = 2;
  return api::kSuccess;
}

api::Return nvmlDeviceGetHandleByIndex_v2(unsigned int index, api::Device* device) {
  if (index >= 2) return 2;  // NVML_ERROR_INVALID_ARGUMENT
  *device = reinterpret_cast<api::Device>(&devices[index]);
  return api::kSuccess;
}

api::Return nvmlDeviceGetUUID(api::Device device, char* uuid, unsigned int length) {
  return Copy(
      IndexOf(device) == 0 ? "GPU-f73c016c-513a-45a1-3b79-657d1859f739" : "GPU-00000000-1111-2222-3333-444444444444",
      uuid, length);
}

api::Return nvmlDeviceGetName(api::Device, char* name, unsigned int length) {
  return Copy("NVIDIA H100 80GB HBM3", name, length);
}

api::Return nvmlDeviceGetMemoryInfo(api::Device device, api::Memory* memory) {
  memory->total = 85520809984ULL;  // 81559 MiB
  memory->used = IndexOf(device) == 0 ? 0 : 1024ULL * 1024ULL * 1024ULL;
  memory->free = memory->total - memory->used;
  return api::kSuccess;
}

api::Return nvmlDeviceGetUtilizationRates(api::Device device, api::Utilization* rates) {
  rates->gpu = IndexOf(device) == 0 ? 0 : 87;
  rates->memory = 0;
  return api::kSuccess;
}

api::Return nvmlDeviceGetTemperature(api::Device, int, unsigned int* celsius) {
  *celsius = 36;
  return api::kSuccess;
}

api::Return nvmlDeviceGetPowerUsage(api::Device device, unsigned int* milliwatts) {
  if (IndexOf(device) == 1) return api::kErrorNotSupported;
  *milliwatts = 125710;
  return api::kSuccess;
}

api::Return nvmlDeviceGetEnforcedPowerLimit(api::Device device, unsigned int* milliwatts) {
  if (IndexOf(device) == 1) return api::kErrorNotSupported;
  *milliwatts = 700000;
  return api::kSuccess;
}

api::Return nvmlDeviceGetTotalEccErrors(api::Device device, int, int, unsigned long long* count) {
  if (IndexOf(device) == 1) return api::kErrorNotSupported;
  *count = 0;
  return api::kSuccess;
}

api::Return nvmlDeviceGetPciInfo_v3(api::Device device, api::PciInfo* pci) {
  std::memset(pci, 0, sizeof(*pci));
  std::snprintf(pci->bus_id, sizeof(pci->bus_id), "00000000:%02X:00.0", IndexOf(device) == 0 ? 6 : 7);
  return api::kSuccess;
}

api::Return nvmlDeviceGetClockInfo(api::Device, int, unsigned int* mhz) {
  *mhz = 1980;
  return api::kSuccess;
}

api::Return nvmlDeviceGetMaxClockInfo(api::Device, int, unsigned int* mhz) {
  *mhz = 1980;
  return api::kSuccess;
}

api::Return nvmlSystemGetDriverVersion(char* version, unsigned int length) {
  return Copy("580.159.04", version, length);
}

api::Return nvmlSystemGetCudaDriverVersion_v2(int* version) {
  *version = 13000;
  return api::kSuccess;
}

}  // extern "C"
