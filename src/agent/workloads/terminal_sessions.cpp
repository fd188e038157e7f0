#include "agent/workloads/terminal_sessions.hpp"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "shared/secret.hpp"

namespace gpuaas::agent::workloads {
namespace {

namespace fleet = wire::fleet;

fleet::TerminalOutputFrame Event(const std::string& session_id, std::string event, std::string message = {}) {
  fleet::TerminalOutputFrame frame{session_id, std::move(event), std::nullopt, std::nullopt};
  if (!message.empty()) frame.message = std::move(message);
  return frame;
}

winsize SizeOf(const fleet::TerminalFrame& frame) {
  winsize size{};
  size.ws_col = static_cast<unsigned short>(frame.cols.value_or(80));
  size.ws_row = static_cast<unsigned short>(frame.rows.value_or(24));
  return size;
}

// Everything the child needs, prepared before fork: after it only exec-safe calls run.
struct ShellLaunch {
  std::vector<std::string> env_text;
  std::vector<char*> env;
  std::vector<gid_t> groups;
  std::string home;
  std::string shell;
  uid_t uid;
  gid_t gid;
  bool switch_user;
};

ShellLaunch PrepareShell(const WorkloadAccount& account) {
  ShellLaunch launch;
  launch.uid = account.uid;
  launch.gid = account.gid;
  launch.switch_user = account.own_user && ::geteuid() == 0;
  launch.home = account.home.string();
  launch.shell = std::filesystem::exists("/bin/bash") ? "/bin/bash" : "/bin/sh";
  const std::string path = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin";
  launch.env_text = {"HOME=" + launch.home,
                     "USER=" + account.unix_user,
                     "LOGNAME=" + account.unix_user,
                     "SHELL=" + launch.shell,
                     "PATH=" + path,
                     "TERM=xterm-256color",
                     "LANG=C.UTF-8",
                     "CUDA_VISIBLE_DEVICES=" + account.cuda_visible_devices,
                     "GPUAAS_WORKLOAD_ID=" + account.workload_id};
  for (auto& text : launch.env_text) launch.env.push_back(text.data());
  launch.env.push_back(nullptr);
  if (launch.switch_user) {
    int count = 32;
    launch.groups.resize(static_cast<std::size_t>(count));
    if (::getgrouplist(account.unix_user.c_str(), account.gid, launch.groups.data(), &count) < 0) {
      launch.groups.resize(static_cast<std::size_t>(count));
      ::getgrouplist(account.unix_user.c_str(), account.gid, launch.groups.data(), &count);
    }
    launch.groups.resize(static_cast<std::size_t>(count));
  }
  return launch;
}

[[noreturn]] void ExecShell(ShellLaunch& launch) {
  if (launch.switch_user) {
    if (::setgroups(launch.groups.size(), launch.groups.data()) != 0 || ::setgid(launch.gid) != 0 ||
        ::setuid(launch.uid) != 0) {
      ::_exit(126);
    }
  }
  if (::chdir(launch.home.c_str()) != 0) ::_exit(126);
  char login_flag[] = "-l";
  char* argv[] = {launch.shell.data(), login_flag, nullptr};
  ::execve(launch.shell.c_str(), argv, launch.env.data());
  ::_exit(127);
}

}  // namespace

TerminalSessions::~TerminalSessions() { CloseAll(); }

std::vector<fleet::TerminalOutputFrame> TerminalSessions::Handle(const fleet::TerminalFrame& frame) {
  auto it = sessions_.find(frame.session_id);
  if (frame.op == "open") {
    if (it != sessions_.end()) return {Event(frame.session_id, "error", "the session is already open")};
    if (sessions_.size() >= kMaxSessions)
      return {Event(frame.session_id, "error", "too many open terminals on this node")};
    auto account = runtime_.Find(frame.workload_id.value_or(""));
    if (!account) return {Event(frame.session_id, "error", account.error().message())};
    if (!*account) return {Event(frame.session_id, "error", "the workload is not provisioned on this node")};
    auto launch = PrepareShell(**account);
    auto size = SizeOf(frame);
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid < 0) return {Event(frame.session_id, "error", "cannot open a terminal: forkpty failed")};
    if (pid == 0) ExecShell(launch);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    sessions_.emplace(frame.session_id, Session{UniqueFd(master), pid});
    return {Event(frame.session_id, "ready")};
  }
  if (it == sessions_.end()) {
    if (frame.op == "close") return {};
    return {Event(frame.session_id, "closed", "no such terminal session")};
  }
  if (frame.op == "input" && frame.data_b64) {
    std::string bytes;
    if (!Base64Decode(*frame.data_b64, bytes)) return {Event(frame.session_id, "error", "input is not base64")};
    std::size_t written = 0;
    while (written < bytes.size()) {
      const auto n = ::write(it->second.master.get(), bytes.data() + written, bytes.size() - written);
      if (n > 0) {
        written += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EAGAIN) {
        pollfd waiting{it->second.master.get(), POLLOUT, 0};
        ::poll(&waiting, 1, 100);
      } else if (n < 0 && errno != EINTR) {
        break;
      }
    }
    return {};
  }
  if (frame.op == "resize") {
    auto size = SizeOf(frame);
    ::ioctl(it->second.master.get(), TIOCSWINSZ, &size);
    return {};
  }
  if (frame.op == "close") {
    Close(it);
    return {Event(frame.session_id, "closed", "closed by the user")};
  }
  return {};
}

std::vector<fleet::TerminalOutputFrame> TerminalSessions::Poll() {
  std::vector<fleet::TerminalOutputFrame> frames;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    std::string chunk(kMaxChunk, '\0');
    bool ended = false;
    // Up to a few reads per session per poll, so one chatty shell does not starve the others.
    for (int reads = 0; reads < 4; ++reads) {
      const auto n = ::read(it->second.master.get(), chunk.data(), chunk.size());
      if (n > 0) {
        frames.push_back({it->first, "output",
                          Base64Encode(std::string_view(chunk.data(), static_cast<std::size_t>(n))), std::nullopt});
        continue;
      }
      // EIO: the shell and everything on its terminal exited.
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) ended = true;
      break;
    }
    if (ended) {
      frames.push_back(Event(it->first, "closed", "the shell exited"));
      auto done = it++;
      Close(done);
      continue;
    }
    ++it;
  }
  return frames;
}

void TerminalSessions::Close(std::map<std::string, Session>::iterator it) {
  const pid_t pid = it->second.pid;
  it->second.master.Reset();  // the shell gets SIGHUP
  if (pid > 0) {
    ::kill(pid, SIGHUP);
    int status = 0;
    // Reap it if it is gone already; otherwise once more after a SIGKILL.
    if (::waitpid(pid, &status, WNOHANG) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
    }
  }
  sessions_.erase(it);
}

void TerminalSessions::CloseAll() {
  while (!sessions_.empty()) Close(sessions_.begin());
}

}  // namespace gpuaas::agent::workloads
