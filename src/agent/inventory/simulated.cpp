#include "agent/inventory/simulated.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "shared/secret.hpp"

namespace gpuaas::agent::inventory {
namespace {

// Published specifications; memory is what nvidia-smi shows as memory.total on that board.
struct ModelSpec {
  std::string_view key;
  std::string_view name;
  std::uint64_t memory_mib;
  double idle_power_w;
  double power_limit_w;
  std::uint32_t idle_sm_clock_mhz;
  std::uint32_t max_sm_clock_mhz;
};

constexpr std::array<ModelSpec, 5> kModels{{
    {"H100", "NVIDIA H100 80GB HBM3", 81559, 72.0, 700.0, 1980, 1980},
    {"H200", "NVIDIA H200", 143771, 76.0, 700.0, 1980, 1980},
    {"A100", "NVIDIA A100-SXM4-80GB", 81920, 62.0, 400.0, 1410, 1410},
    {"L40S", "NVIDIA L40S", 46068, 34.0, 350.0, 210, 2520},
    {"L4", "NVIDIA L4", 23034, 16.0, 72.0, 210, 2040},
}};

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
  });
}

const ModelSpec* FindModel(std::string_view key) {
  for (const auto& model : kModels) {
    if (SameIgnoringCase(model.key, key)) return &model;
  }
  return nullptr;
}

Error BadSpec(std::string_view text, std::string_view why) {
  std::string known;
  for (const auto& model : kModels) known += (known.empty() ? "" : ", ") + std::string(model.key);
  return Error::InvalidArgument("--simulate-gpus", "'" + std::string(text) + "' " + std::string(why) +
                                                       "; expected <count>x<model> with count 1-" +
                                                       std::to_string(kMaxSimulatedGpus) + " and model one of " +
                                                       known);
}

// "GPU-" and a UUID-shaped slice of SHA-256("hostname/model/index").
std::string StableUuid(std::string_view hostname, std::string_view model, std::uint32_t index) {
  const auto hex = Sha256Hex(std::string(hostname) + "/" + std::string(model) + "/" + std::to_string(index));
  return "GPU-" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

std::string BusId(std::uint32_t index) {
  std::array<char, 24> text{};
  // One bus per GPU, spaced as on an HGX board; 16 GPUs stay below bus 0xff.
  std::snprintf(text.data(), text.size(), "00000000:%02X:00.0", 0x18U + index * 0x0EU);
  return text.data();
}

}  // namespace

std::vector<std::string_view> KnownSimulatedModels() {
  std::vector<std::string_view> keys;
  for (const auto& model : kModels) keys.push_back(model.key);
  return keys;
}

Result<SimulationSpec> ParseSimulationSpec(std::string_view text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string_view::npos || x == 0) return BadSpec(text, "is not <count>x<model>");
  const auto count_text = text.substr(0, x);
  std::uint32_t count = 0;
  const auto [end, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
  if (ec != std::errc{} || end != count_text.data() + count_text.size()) return BadSpec(text, "has no count");
  if (count < 1 || count > kMaxSimulatedGpus) return BadSpec(text, "has a count out of range");
  const auto* model = FindModel(text.substr(x + 1));
  if (model == nullptr) return BadSpec(text, "names an unknown model");
  return SimulationSpec{.count = count, .model = std::string(model->key)};
}

std::vector<wire::fleet::GpuInfo> SimulateGpus(const SimulationSpec& spec, std::string_view hostname) {
  const auto* model = FindModel(spec.model);
  if (model == nullptr) return {};
  std::vector<wire::fleet::GpuInfo> gpus;
  for (std::uint32_t index = 0; index < spec.count; ++index) {
    gpus.push_back({.index = index,
                    .uuid = StableUuid(hostname, model->key, index),
                    .model = std::string(model->name),
                    .memory_total_mib = model->memory_mib,
                    .memory_used_mib = 0,
                    .utilization_pct = 0,
                    .temperature_c = 30 + index % 5,  // idle boards differ by a few degrees
                    .power_draw_w = model->idle_power_w,
                    .power_limit_w = model->power_limit_w,
                    .ecc_uncorrected = 0,
                    .pci_bus_id = BusId(index),
                    .sm_clock_mhz = model->idle_sm_clock_mhz,
                    .max_sm_clock_mhz = model->max_sm_clock_mhz});
  }
  return gpus;
}

Result<GpuReport> SimulatedProbe::Probe() const {
  if (FindModel(spec_.model) == nullptr) return BadSpec(spec_.model, "names an unknown model");
  // No driver runs these GPUs, so driver and CUDA versions stay empty rather than invented.
  return GpuReport{.source = wire::fleet::GpuSource::kSimulated,
                   .driver_version = std::nullopt,
                   .cuda_version = std::nullopt,
                   .gpus = SimulateGpus(spec_, hostname_)};
}

}  // namespace gpuaas::agent::inventory
