#include <chrono>
#include <filesystem>

#include "agent/state/atomic_file.hpp"
#include "agent/tasks/certificate_check.hpp"
#include "agent/tasks/local_tasks.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::agent::tasks {
namespace {

boost::json::object Check(std::string_view name, bool ok, std::string detail) {
  return {{"name", name}, {"ok", ok}, {"detail", std::move(detail)}};
}

boost::json::object DataDirWritable(const state::StateStore& store) {
  const auto probe_file = store.PathOf(".probe");
  if (auto written = state::WriteFileAtomically(probe_file, "probe\n", 0600); !written) {
    return Check("data_dir_writable", false, written.error().message());
  }
  std::error_code ignored;
  std::filesystem::remove(probe_file, ignored);
  return Check("data_dir_writable", true, store.data_dir().string());
}

boost::json::object FileReadable(std::string_view name, const std::filesystem::path& path, std::string_view marker) {
  auto text = state::ReadTextFile(path);
  if (!text) return Check(name, false, text.error().message());
  if (text->find(marker) == std::string::npos)
    return Check(name, false, path.string() + " holds no " + std::string(marker));
  return Check(name, true, path.string());
}

boost::json::object CertificateValid(const TaskEnvironment& environment, Timestamp now) {
  auto verified = CheckOwnCertificate(environment.store, now);
  if (!verified) return Check("certificate_valid", false, verified.error().message());
  const auto days_left = std::chrono::duration_cast<std::chrono::hours>(verified->not_after - now).count() / 24;
  return Check("certificate_valid", true,
               "node " + verified->node_id + ", valid until " + FormatRfc3339(verified->not_after) + " (" +
                   std::to_string(days_left) + " days left)");
}

boost::json::object GpuSource(const TaskEnvironment& environment) {
  const auto selection = inventory::SelectHostGpus(environment.inventory);
  auto detail = std::string(wire::fleet::GpuSourceName(selection.report.source)) + ": " +
                std::to_string(selection.report.gpus.size()) + " GPUs";
  for (const auto& skipped : selection.skipped) detail += "; skipped " + skipped;
  // A host without GPUs is a correct report (a CPU node), so the check is about the answer, not the count.
  return Check("gpu_source", true, std::move(detail));
}

}  // namespace

Result<boost::json::object> ProbeTask(const TaskEnvironment& environment) {
  const auto now = environment.clock.Now();
  boost::json::array checks;
  checks.push_back(DataDirWritable(environment.store));
  checks.push_back(FileReadable("private_key_readable", environment.store.PathOf(state::kKeyFile), "PRIVATE KEY"));
  checks.push_back(
      FileReadable("certificate_readable", environment.store.PathOf(state::kCertificateFile), "CERTIFICATE"));
  checks.push_back(CertificateValid(environment, now));
  checks.push_back(GpuSource(environment));
  // The server compares this with its own clock: certificates allow five minutes of skew.
  checks.push_back(Check("clock", true, "agent time " + FormatRfc3339(now)));
  return boost::json::object{{"checks", std::move(checks)}};
}

}  // namespace gpuaas::agent::tasks
