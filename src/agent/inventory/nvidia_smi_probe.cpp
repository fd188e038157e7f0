#include "agent/inventory/nvidia_smi_probe.hpp"

#include "agent/inventory/nvidia_smi.hpp"

namespace gpuaas::agent::inventory {

Result<GpuReport> NvidiaSmiProbe::Probe() const {
  GPUAAS_ASSIGN_OR_RETURN(const auto csv, RunCommand({program_, "--query-gpu=" + std::string(kNvidiaSmiQueryColumns),
                                                      "--format=csv,noheader,nounits"},
                                                     limits_));
  GPUAAS_ASSIGN_OR_RETURN(auto query, ParseNvidiaSmiQuery(csv));
  GpuReport report;
  report.source = wire::fleet::GpuSource::kNvidiaSmi;
  report.driver_version = std::move(query.driver_version);
  report.gpus = std::move(query.gpus);
  if (auto details = RunCommand({program_, "-q"}, limits_)) {
    if (auto cuda = ParseNvidiaSmiCudaVersion(*details)) report.cuda_version = std::move(*cuda);
  }
  return report;
}

}  // namespace gpuaas::agent::inventory
