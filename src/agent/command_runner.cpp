#include "agent/command_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>

#include "agent/unique_fd.hpp"

extern char** environ;  // NOLINT: POSIX declares it nowhere in a header

namespace gpuaas::agent {
namespace {

using Clock = std::chrono::steady_clock;

// The file actions of posix_spawn, destroyed with the object.
class SpawnActions {
 public:
  SpawnActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

// A started child. Unless Wait saw it exit, the destructor kills and reaps it, so no path out of
// RunCommand leaves a running process or a zombie behind.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  ~Child() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // The wait status once the child exits before `deadline`, otherwise nullopt.
  std::optional<int> Wait(Clock::time_point deadline) {
    while (true) {
      int status = 0;
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_ || (done < 0 && errno != EINTR)) {
        pid_ = -1;
        return status;
      }
      if (Clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

 private:
  pid_t pid_;
};

Error Failure(const std::string& command, std::string message) { return Error::Unavailable(command + ": " + message); }

// Reads until end of file; false when the deadline passes or the output outgrows the limit.
Result<std::string> ReadAll(int fd, Clock::time_point deadline, const std::string& command,
                            const CommandLimits& limits) {
  std::string output;
  std::array<char, 16384> buffer{};
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      return Failure(command, "did not finish within " + std::to_string(limits.timeout.count()) + " ms");
    }
    pollfd waiting{.fd = fd, .events = POLLIN, .revents = 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return Failure(command, std::string("poll failed: ") + std::strerror(errno));
    if (ready == 0) continue;  // the deadline check above ends it
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Failure(command, std::string("read failed: ") + std::strerror(errno));
    if (got == 0) return output;
    output.append(buffer.data(), static_cast<std::size_t>(got));
    if (output.size() > limits.max_output_bytes) {
      return Failure(command, "wrote more than " + std::to_string(limits.max_output_bytes) + " bytes");
    }
  }
}

}  // namespace

Result<std::string> RunCommand(const std::vector<std::string>& argv, const CommandLimits& limits) {
  if (argv.empty() || argv.front().empty()) return Error::InvalidArgument("argv", "names no program");
  const std::string& command = argv.front();
  const auto deadline = Clock::now() + limits.timeout;

  std::array<int, 2> ends{-1, -1};
  if (::pipe2(ends.data(), O_CLOEXEC) != 0) return Failure(command, std::string("pipe: ") + std::strerror(errno));
  UniqueFd read_end(ends[0]);
  UniqueFd write_end(ends[1]);

  SpawnActions actions;
  ::posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), STDOUT_FILENO);
  ::posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));  // exec never writes them
  args.push_back(nullptr);

  pid_t pid = 0;
  if (const int failed = ::posix_spawnp(&pid, command.c_str(), actions.get(), nullptr, args.data(), environ)) {
    return Failure(command, failed == ENOENT ? "not found" : std::string("cannot start: ") + std::strerror(failed));
  }
  Child child(pid);
  write_end.Reset();  // the child holds the only write end now, so its exit ends our read

  GPUAAS_ASSIGN_OR_RETURN(auto output, ReadAll(read_end.get(), deadline, command, limits));
  const auto status = child.Wait(deadline);
  if (!status) return Failure(command, "did not exit within " + std::to_string(limits.timeout.count()) + " ms");
  if (WIFSIGNALED(*status)) return Failure(command, "killed by signal " + std::to_string(WTERMSIG(*status)));
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    return Failure(command, "exited with status " + std::to_string(WEXITSTATUS(*status)));
  }
  return output;
}

}  // namespace gpuaas::agent
