#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gpuaas::testing {

// gpuaas-server as a real child process (`serve` with the given flags), for tests that kill
// it, restart it, or run several replicas on one database. Killed if the test forgets.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& flags, const std::string& log_file);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // SIGTERM and wait: the exit code, or -1 when it did not exit normally.
  int Terminate();
  // SIGKILL and wait: a crash, with no chance to clean up.
  void Kill();
  // Waits for the process to end by itself: its exit code, or -1 (signal or timeout).
  int WaitExit(int timeout_ms);
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

// A loopback port that was free a moment ago (bound to port 0, then released).
std::uint16_t FreePort();
// Polls /healthz until it answers 200 (10 s at most).
bool WaitHealthy(std::uint16_t port);

}  // namespace gpuaas::testing
