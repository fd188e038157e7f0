#include "wire/fleet/inventory.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "wire/json_format.hpp"

namespace gpuaas::wire::fleet {
namespace {

GpuInfo H100(std::uint32_t index, std::string uuid) {
  return GpuInfo{.index = index,
                 .uuid = std::move(uuid),
                 .model = "NVIDIA H100 80GB HBM3",
                 .memory_total_mib = 81559,
                 .memory_used_mib = 0,
                 .utilization_pct = 0,
                 .temperature_c = 36,
                 .power_draw_w = 125.71,
                 .power_limit_w = 700.0,
                 .ecc_uncorrected = 0,
                 .pci_bus_id = "00000000:00:06.0",
                 .sm_clock_mhz = 1980,
                 .max_sm_clock_mhz = 1980};
}

HostInventory Sample() {
  HostInventory inventory;
  inventory.hostname = "gpu-node-1";
  inventory.cpu_model = "AMD EPYC 9654 96-Core Processor";
  inventory.cpu_cores = 192;
  inventory.memory_total_mib = 1547000;
  inventory.disk_total_gib = 3500;
  inventory.disk_free_gib = 3100;
  inventory.os_name = "Ubuntu";
  inventory.os_version = "24.04";
  inventory.kernel = "6.8.0-45-generic";
  inventory.agent_version = "0.1.0 (abc123)";
  inventory.runtimes = {"process", "docker"};
  inventory.gpu_source = GpuSource::kNvml;
  inventory.driver_version = "580.159.04";
  inventory.cuda_version = "13.0";
  inventory.gpus = {H100(0, "GPU-a"), H100(1, "GPU-b")};
  return inventory;
}

std::string FieldOf(const Error& error) {
  for (const auto& detail : error.details()) {
    if (detail.key == "field") return detail.value;
  }
  return {};
}

// Applies `edit` to the sample's JSON and returns the field the reader blames.
template <typename Edit>
std::string RejectedField(Edit edit) {
  auto json = ToJson(Sample());
  edit(json.as_object());
  const auto parsed = HostInventoryFromJson(json);
  if (parsed.ok()) return "<accepted>";
  EXPECT_EQ(parsed.error().code(), ErrorCode::kInvalidArgument);
  return FieldOf(parsed.error());
}

TEST(HostInventory, RoundTripsThroughJsonText) {
  const auto original = Sample();
  const auto parsed = ParseHostInventory(FormatJson(ToJson(original), JsonLayout::kCompact));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(*parsed, original);
}

TEST(HostInventory, RoundTripsEveryOptionalAsNull) {
  auto original = Sample();
  original.cpu_model.reset();
  original.os_name.reset();
  original.os_version.reset();
  original.cuda_version.reset();
  auto& gpu = original.gpus[0];
  gpu.utilization_pct.reset();
  gpu.temperature_c.reset();
  gpu.power_draw_w.reset();
  gpu.power_limit_w.reset();
  gpu.ecc_uncorrected.reset();
  gpu.sm_clock_mhz.reset();
  gpu.max_sm_clock_mhz.reset();
  const auto json = ToJson(original);
  EXPECT_TRUE(json.at("gpus").at(0).at("ecc_uncorrected").is_null());
  EXPECT_TRUE(json.at("cpu_model").is_null());
  const auto parsed = HostInventoryFromJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(*parsed, original);
}

TEST(HostInventory, RoundTripsAHostWithoutGpus) {
  auto original = Sample();
  original.gpu_source = GpuSource::kNone;
  original.driver_version.reset();
  original.cuda_version.reset();
  original.gpus.clear();
  original.runtimes = {"process"};
  const auto parsed = HostInventoryFromJson(ToJson(original));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(*parsed, original);
}

TEST(HostInventory, WritesTheAgreedFieldNames) {
  const auto json = ToJson(Sample());
  std::vector<std::string> keys;
  for (const auto& member : json.as_object()) keys.emplace_back(member.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"hostname", "cpu_model", "cpu_cores", "memory_total_mib", "disk_total_gib",
                                      "disk_free_gib", "os_name", "os_version", "kernel", "agent_version", "runtimes",
                                      "gpu_source", "simulated", "driver_version", "cuda_version", "gpus"}));
  EXPECT_EQ(FormatJson(json.at("gpus").at(0), JsonLayout::kCompact),
            R"({"index":0,"uuid":"GPU-a","model":"NVIDIA H100 80GB HBM3","memory_total_mib":81559,)"
            R"("memory_used_mib":0,"utilization_pct":0,"temperature_c":36,"power_draw_w":125.71,"power_limit_w":700,)"
            R"("ecc_uncorrected":0,"pci_bus_id":"00000000:00:06.0","sm_clock_mhz":1980,"max_sm_clock_mhz":1980})");
}

TEST(HostInventory, NamesEachMissingField) {
  for (const auto* key : {"hostname", "cpu_model", "cpu_cores", "memory_total_mib", "disk_total_gib", "disk_free_gib",
                          "os_name", "os_version", "kernel", "agent_version", "runtimes", "gpu_source", "simulated",
                          "driver_version", "cuda_version", "gpus"}) {
    EXPECT_EQ(RejectedField([key](boost::json::object& o) { o.erase(key); }), key);
  }
}

TEST(HostInventory, NamesTheBadFieldOfAGpu) {
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[1].as_object().erase("uuid"); }), "gpus[1].uuid");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[0].as_object()["memory_total_mib"] = "80GB"; }),
            "gpus[0].memory_total_mib");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[0].as_object()["utilization_pct"] = 101; }),
            "gpus[0].utilization_pct");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[0].as_object()["power_draw_w"] = -1; }),
            "gpus[0].power_draw_w");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[0].as_object()["memory_used_mib"] = 90000; }),
            "gpus[0].memory_used_mib");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[0].as_object()["mig"] = true; }), "gpus[0].mig");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[0] = 7; }), "gpus[0]");
}

TEST(HostInventory, RefusesWrongTypesAndUnknownFields) {
  EXPECT_EQ(RejectedField([](auto& o) { o["cpu_cores"] = -4; }), "cpu_cores");
  EXPECT_EQ(RejectedField([](auto& o) { o["cpu_cores"] = 0; }), "cpu_cores");
  EXPECT_EQ(RejectedField([](auto& o) { o["hostname"] = ""; }), "hostname");
  EXPECT_EQ(RejectedField([](auto& o) { o["kernel"] = nullptr; }), "kernel");
  EXPECT_EQ(RejectedField([](auto& o) { o["simulated"] = "no"; }), "simulated");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"] = boost::json::object{}; }), "gpus");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpu_source"] = "rocm"; }), "gpu_source");
  EXPECT_EQ(RejectedField([](auto& o) { o["runtimes"] = boost::json::array{"process", 3}; }), "runtimes[1]");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpu_count"] = 2; }), "gpu_count");
}

TEST(HostInventory, EnforcesTheRulesAcrossFields) {
  EXPECT_EQ(RejectedField([](auto& o) { o["simulated"] = true; }), "simulated");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpu_source"] = "none"; }), "gpus");
  EXPECT_EQ(RejectedField([](auto& o) { o["disk_free_gib"] = 4000; }), "disk_free_gib");
  EXPECT_EQ(RejectedField([](auto& o) { o["runtimes"] = boost::json::array{"process", "podman"}; }), "runtimes[1]");
  EXPECT_EQ(RejectedField([](auto& o) { o["runtimes"] = boost::json::array{"docker", "docker"}; }), "runtimes[1]");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[1].as_object()["uuid"] = "GPU-a"; }), "gpus[1].uuid");
  EXPECT_EQ(RejectedField([](auto& o) { o["gpus"].as_array()[1].as_object()["index"] = 0; }), "gpus[1].index");
  EXPECT_EQ(RejectedField([](auto& o) {
              o["gpu_source"] = "none";
              o["gpus"] = boost::json::array{};
            }),
            "driver_version");
}

TEST(HostInventory, RefusesTextThatIsNotJson) {
  const auto parsed = ParseHostInventory("{\"hostname\":");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(FieldOf(parsed.error()), "body");
  EXPECT_FALSE(ParseHostInventory("[]").ok());
}

TEST(GpuSource, NamesRoundTrip) {
  for (const auto source : {GpuSource::kSimulated, GpuSource::kNvml, GpuSource::kNvidiaSmi, GpuSource::kNone}) {
    EXPECT_EQ(ParseGpuSource(GpuSourceName(source)), source);
  }
  EXPECT_EQ(GpuSourceName(GpuSource::kNvidiaSmi), "nvidia-smi");
  EXPECT_EQ(ParseGpuSource("NVML"), std::nullopt);
}

}  // namespace
}  // namespace gpuaas::wire::fleet
