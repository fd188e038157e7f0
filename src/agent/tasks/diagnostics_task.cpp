#include <sys/utsname.h>

#include <chrono>

#include "agent/tasks/certificate_check.hpp"
#include "agent/tasks/local_tasks.hpp"
#include "shared/build_info.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::agent::tasks {
namespace {

std::string KernelRelease() {
  utsname names{};
  return ::uname(&names) == 0 ? std::string(names.release) : std::string("unknown");
}

boost::json::array RecentLog(const RecentLogSink* sink) {
  boost::json::array lines;
  if (sink == nullptr) return lines;
  for (auto& line : sink->Lines()) lines.emplace_back(std::move(line));
  return lines;
}

}  // namespace

Result<boost::json::object> DiagnosticsTask(const TaskEnvironment& environment) {
  const auto now = environment.clock.Now();
  const auto certificate = CheckOwnCertificate(environment.store, now);
  const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(now - environment.started_at).count();
  return boost::json::object{
      {"agent_version", VersionString()},
      {"uptime_seconds", std::max<std::int64_t>(uptime, 0)},
      {"kernel", KernelRelease()},
      {"data_dir", environment.store.data_dir().string()},
      {"gpu_source", wire::fleet::GpuSourceName(inventory::SelectHostGpus(environment.inventory).report.source)},
      {"certificate_not_after",
       certificate ? boost::json::value(FormatRfc3339(certificate->not_after)) : boost::json::value(nullptr)},
      {"recent_log", RecentLog(environment.recent_log)},
  };
}

}  // namespace gpuaas::agent::tasks
