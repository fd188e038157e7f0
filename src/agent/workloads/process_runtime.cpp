#include "agent/workloads/process_runtime.hpp"

#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "agent/command_runner.hpp"
#include "agent/state/atomic_file.hpp"

namespace gpuaas::agent::workloads {
namespace {

namespace fs = std::filesystem;

// Unix user names the server derives from workload ids: "gw-" and lower-case letters and digits.
bool IsWorkloadUser(std::string_view user) {
  if (user.size() < 4 || user.size() > 31 || user.rfind("gw-", 0) != 0) return false;
  for (const char c : user.substr(3)) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsSafeId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

std::string TextParam(const boost::json::object& params, std::string_view key) {
  const auto* value = params.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

Status WriteOwned(const fs::path& path, std::string_view content, mode_t mode, uid_t uid, gid_t gid) {
  GPUAAS_RETURN_IF_ERROR(state::WriteFileAtomically(path, content, mode));
  if (::chown(path.c_str(), uid, gid) != 0) return Error::Unavailable("cannot chown " + path.string());
  return Ok();
}

Status MakeOwnedDirectory(const fs::path& path, mode_t mode, uid_t uid, gid_t gid) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return Error::Unavailable("cannot create " + path.string() + ": " + ec.message());
  if (::chmod(path.c_str(), mode) != 0 || ::chown(path.c_str(), uid, gid) != 0) {
    return Error::Unavailable("cannot set the owner and mode of " + path.string());
  }
  return Ok();
}

// Adds `line` to a shell start-up file once.
Status EnsureLine(const fs::path& path, const std::string& line, uid_t uid, gid_t gid) {
  std::string content;
  if (fs::exists(path)) {
    auto read = state::ReadTextFile(path);
    if (read) content = *read;
  }
  if (content.find(line) != std::string::npos) return Ok();
  if (!content.empty() && content.back() != '\n') content += '\n';
  content += line + "\n";
  return WriteOwned(path, content, 0644, uid, gid);
}

std::optional<std::string> EnvironOf(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
  if (!file) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(file), {});
}

std::optional<uid_t> UidOf(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(file, line);) {
    if (line.rfind("Uid:", 0) == 0) return static_cast<uid_t>(std::stoul(line.substr(4)));
  }
  return std::nullopt;
}

const char* LoginShell() { return fs::exists("/bin/bash") ? "/bin/bash" : "/bin/sh"; }

}  // namespace

Result<WorkloadSpec> WorkloadSpecFromParams(const boost::json::object& params, bool needs_account_details) {
  WorkloadSpec spec;
  spec.workload_id = TextParam(params, "workload_id");
  spec.unix_user = TextParam(params, "unix_user");
  if (!IsSafeId(spec.workload_id)) return Error::InvalidArgument("params.workload_id", "is missing or malformed");
  if (!IsWorkloadUser(spec.unix_user)) return Error::InvalidArgument("params.unix_user", "is missing or malformed");
  if (!needs_account_details) return spec;
  spec.cuda_visible_devices = TextParam(params, "cuda_visible_devices");
  for (const char c : spec.cuda_visible_devices) {
    if (!((c >= '0' && c <= '9') || c == ',')) {
      return Error::InvalidArgument("params.cuda_visible_devices", "must be GPU indexes separated by commas");
    }
  }
  if (const auto* keys = params.if_contains("ssh_keys"); keys != nullptr && keys->is_array()) {
    for (const auto& key : keys->as_array()) {
      if (!key.is_string() || key.as_string().find('\n') != boost::json::string::npos) {
        return Error::InvalidArgument("params.ssh_keys", "must be one-line public keys");
      }
      spec.ssh_keys.emplace_back(key.as_string());
    }
  }
  return spec;
}

ProcessRuntime::ProcessRuntime(fs::path data_dir)
    : root_(std::move(data_dir) / "workloads"), as_root_(::geteuid() == 0) {}

fs::path ProcessRuntime::RecordPath(std::string_view workload_id) const {
  return root_ / (std::string(workload_id) + ".json");
}

std::string ProcessRuntime::Isolation() const {
  if (as_root_) {
    return "Own Unix user: home directory 0700, processes and environment private to the workload; GPUs chosen with "
           "CUDA_VISIBLE_DEVICES (device files are not restricted on this node)";
  }
  return "None: the agent does not run as root, so the workload shares the agent's Unix user; GPUs chosen with "
         "CUDA_VISIBLE_DEVICES";
}

Status ProcessRuntime::Save(const WorkloadAccount& account) const {
  const boost::json::object record{{"workload_id", account.workload_id},
                                   {"unix_user", account.unix_user},
                                   {"uid", account.uid},
                                   {"gid", account.gid},
                                   {"home", account.home.string()},
                                   {"cuda_visible_devices", account.cuda_visible_devices},
                                   {"own_user", account.own_user}};
  GPUAAS_RETURN_IF_ERROR(state::EnsurePrivateDirectory(root_));
  return state::WriteFileAtomically(RecordPath(account.workload_id), boost::json::serialize(record), 0600);
}

Result<std::optional<WorkloadAccount>> ProcessRuntime::Find(std::string_view workload_id) const {
  if (!IsSafeId(workload_id) || !fs::exists(RecordPath(workload_id))) return std::optional<WorkloadAccount>();
  GPUAAS_ASSIGN_OR_RETURN(const auto text, state::ReadTextFile(RecordPath(workload_id)));
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(text, ec);
  if (ec || !parsed.is_object())
    return Error::Internal("the record of workload " + std::string(workload_id) + " is unreadable");
  const auto& o = parsed.as_object();
  WorkloadAccount account;
  account.workload_id = TextParam(o, "workload_id");
  account.unix_user = TextParam(o, "unix_user");
  account.uid = static_cast<uid_t>(o.at("uid").to_number<std::int64_t>());
  account.gid = static_cast<gid_t>(o.at("gid").to_number<std::int64_t>());
  account.home = TextParam(o, "home");
  account.cuda_visible_devices = TextParam(o, "cuda_visible_devices");
  account.own_user = o.at("own_user").as_bool();
  return std::optional<WorkloadAccount>(std::move(account));
}

Result<boost::json::object> ProcessRuntime::Provision(const WorkloadSpec& spec) {
  WorkloadAccount account;
  account.workload_id = spec.workload_id;
  account.cuda_visible_devices = spec.cuda_visible_devices;
  account.own_user = as_root_;
  if (as_root_) {
    if (::getpwnam(spec.unix_user.c_str()) == nullptr) {
      GPUAAS_RETURN_IF_ERROR(
          RunCommand({"useradd", "--create-home", "--home-dir", "/home/" + spec.unix_user, "--shell", LoginShell(),
                      "--comment", "gpuaas workload " + spec.workload_id, "--user-group", spec.unix_user}));
    }
    const auto* entry = ::getpwnam(spec.unix_user.c_str());
    if (entry == nullptr) return Error::Unavailable("useradd did not create " + spec.unix_user);
    account.unix_user = spec.unix_user;
    account.uid = entry->pw_uid;
    account.gid = entry->pw_gid;
    account.home = entry->pw_dir;
  } else {
    const auto* entry = ::getpwuid(::geteuid());
    account.unix_user = entry != nullptr ? entry->pw_name : std::to_string(::geteuid());
    account.uid = ::geteuid();
    account.gid = ::getegid();
    account.home = root_ / spec.workload_id / "home";
  }
  GPUAAS_RETURN_IF_ERROR(state::EnsurePrivateDirectory(root_));
  GPUAAS_RETURN_IF_ERROR(MakeOwnedDirectory(account.home, 0700, account.uid, account.gid));
  GPUAAS_RETURN_IF_ERROR(MakeOwnedDirectory(account.home / ".ssh", 0700, account.uid, account.gid));
  std::string keys;
  for (const auto& key : spec.ssh_keys) keys += key + "\n";
  GPUAAS_RETURN_IF_ERROR(WriteOwned(account.home / ".ssh" / "authorized_keys", keys, 0600, account.uid, account.gid));
  const auto environment = "export CUDA_VISIBLE_DEVICES=" + spec.cuda_visible_devices +
                           "\nexport GPUAAS_WORKLOAD_ID=" + spec.workload_id + "\n";
  GPUAAS_RETURN_IF_ERROR(WriteOwned(account.home / ".gpuaas_env", environment, 0644, account.uid, account.gid));
  const std::string source_line = "[ -f \"$HOME/.gpuaas_env\" ] && . \"$HOME/.gpuaas_env\"";
  GPUAAS_RETURN_IF_ERROR(EnsureLine(account.home / ".bashrc", source_line, account.uid, account.gid));
  GPUAAS_RETURN_IF_ERROR(EnsureLine(account.home / ".profile", source_line, account.uid, account.gid));
  GPUAAS_RETURN_IF_ERROR(Save(account));
  return boost::json::object{{"ssh_user", account.unix_user},
                             {"home", account.home.string()},
                             {"cuda_visible_devices", account.cuda_visible_devices},
                             {"isolation", Isolation()}};
}

std::vector<pid_t> ProcessRuntime::ProcessesOf(const WorkloadAccount& account) const {
  std::vector<pid_t> pids;
  const auto marker = "GPUAAS_WORKLOAD_ID=" + account.workload_id;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const auto name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(name));
    if (pid == ::getpid()) continue;
    const auto uid = UidOf(pid);
    if (!uid || *uid != account.uid) continue;
    if (account.own_user) {
      pids.push_back(pid);
      continue;
    }
    const auto environ = EnvironOf(pid);
    if (environ && environ->find(marker) != std::string::npos) pids.push_back(pid);
  }
  return pids;
}

std::int64_t ProcessRuntime::KillAll(const WorkloadAccount& account) const {
  std::int64_t killed = 0;
  // Processes may fork while we look: a few rounds until none is left.
  for (int round = 0; round < 20; ++round) {
    const auto pids = ProcessesOf(account);
    if (pids.empty()) break;
    for (const auto pid : pids) {
      if (::kill(pid, SIGKILL) == 0) ++killed;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return killed;
}

Result<boost::json::object> ProcessRuntime::Restart(const WorkloadSpec& spec) {
  GPUAAS_ASSIGN_OR_RETURN(const auto account, Find(spec.workload_id));
  if (!account) return Error::NotFound("workload " + spec.workload_id + " is not on this node");
  return boost::json::object{{"processes_stopped", KillAll(*account)}};
}

Result<boost::json::object> ProcessRuntime::Release(const WorkloadSpec& spec) {
  GPUAAS_ASSIGN_OR_RETURN(const auto account, Find(spec.workload_id));
  if (!account) return boost::json::object{{"processes_stopped", 0}, {"removed", false}};
  const auto killed = KillAll(*account);
  if (account->own_user) {
    if (!IsWorkloadUser(account->unix_user)) return Error::Internal("refusing to remove user " + account->unix_user);
    if (::getpwnam(account->unix_user.c_str()) != nullptr) {
      GPUAAS_RETURN_IF_ERROR(RunCommand({"userdel", "--remove", account->unix_user}));
    }
  }
  std::error_code ec;
  fs::remove_all(root_ / spec.workload_id, ec);
  if (account->own_user) fs::remove_all(account->home, ec);
  fs::remove(RecordPath(spec.workload_id), ec);
  return boost::json::object{{"processes_stopped", killed}, {"removed", true}};
}

}  // namespace gpuaas::agent::workloads
