#pragma once

#include <sys/types.h>

#include <boost/json/object.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::agent::workloads {

// What the server asks for: a workload's account on this node.
struct WorkloadSpec {
  std::string workload_id;
  std::string unix_user;
  std::string cuda_visible_devices;   // "2,3"
  std::vector<std::string> ssh_keys;  // authorized_keys lines
};

Result<WorkloadSpec> WorkloadSpecFromParams(const boost::json::object& params, bool needs_account_details);

// A provisioned workload as this agent keeps it (data_dir/workloads/<id>.json).
struct WorkloadAccount {
  std::string workload_id;
  std::string unix_user;
  uid_t uid = 0;
  gid_t gid = 0;
  std::filesystem::path home;
  std::string cuda_visible_devices;
  bool own_user = false;  // false: the agent is not root and the workload shares its user
};

// The process runtime. Run as root, each workload gets its own Unix user (useradd), a home of
// mode 0700, its owner's keys in ~/.ssh/authorized_keys and CUDA_VISIBLE_DEVICES in its login
// environment; its processes are its user's, so other tenants' users cannot read its files,
// signal its processes or read /proc/<pid>/environ. Not root (a developer's machine), the
// workload runs as the agent's user in a directory of its own, and says so as its isolation.
// Every call is idempotent: a repeated provision finds the account, a repeated release finds
// nothing to remove.
class ProcessRuntime {
 public:
  explicit ProcessRuntime(std::filesystem::path data_dir);

  // The result the server stores as the workload's connection: ssh_user, home, isolation.
  Result<boost::json::object> Provision(const WorkloadSpec& spec);
  // Kills every process of the workload, removes its user and files.
  Result<boost::json::object> Release(const WorkloadSpec& spec);
  // Kills every process of the workload; files stay.
  Result<boost::json::object> Restart(const WorkloadSpec& spec);

  [[nodiscard]] Result<std::optional<WorkloadAccount>> Find(std::string_view workload_id) const;
  // The isolation this node gives workloads, in a sentence for the console.
  [[nodiscard]] std::string Isolation() const;

 private:
  [[nodiscard]] std::filesystem::path RecordPath(std::string_view workload_id) const;
  Status Save(const WorkloadAccount& account) const;
  // Processes of the workload: every process of its user, or (sharing the agent's user) those
  // whose working directory or environment marks them as the workload's.
  [[nodiscard]] std::vector<pid_t> ProcessesOf(const WorkloadAccount& account) const;
  std::int64_t KillAll(const WorkloadAccount& account) const;

  std::filesystem::path root_;  // data_dir/workloads
  bool as_root_;
};

}  // namespace gpuaas::agent::workloads
