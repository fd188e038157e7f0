// workload_provision, workload_release and workload_restart: the process runtime's three calls.
#include "agent/tasks/local_tasks.hpp"
#include "agent/workloads/process_runtime.hpp"

namespace gpuaas::agent::tasks {

namespace fleet = wire::fleet;

bool IsWorkloadTask(std::string_view kind) {
  return kind == fleet::kTaskWorkloadProvision || kind == fleet::kTaskWorkloadRelease ||
         kind == fleet::kTaskWorkloadRestart;
}

Result<boost::json::object> WorkloadTask(const fleet::TaskFrame& task, const TaskEnvironment& environment) {
  const bool provision = task.kind == fleet::kTaskWorkloadProvision;
  GPUAAS_ASSIGN_OR_RETURN(const auto spec, workloads::WorkloadSpecFromParams(task.params, provision));
  workloads::ProcessRuntime runtime(environment.store.data_dir());
  if (provision) return runtime.Provision(spec);
  if (task.kind == fleet::kTaskWorkloadRelease) return runtime.Release(spec);
  return runtime.Restart(spec);
}

}  // namespace gpuaas::agent::tasks
