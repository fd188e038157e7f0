#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "agent/unique_fd.hpp"
#include "agent/workloads/process_runtime.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::agent::workloads {

// The PTYs behind browser terminals: a login shell as the workload's user in its home, with its
// environment (CUDA_VISIBLE_DEVICES, GPUAAS_WORKLOAD_ID). Driven by the session thread: Handle
// for what the server sends, Poll for what the shells wrote; neither blocks.
class TerminalSessions {
 public:
  static constexpr std::size_t kMaxSessions = 32;
  static constexpr std::size_t kMaxChunk = 16 * 1024;

  explicit TerminalSessions(const ProcessRuntime& runtime) : runtime_(runtime) {}
  ~TerminalSessions();
  TerminalSessions(const TerminalSessions&) = delete;
  TerminalSessions& operator=(const TerminalSessions&) = delete;

  // The frames to send back (ready, error, closed).
  std::vector<wire::fleet::TerminalOutputFrame> Handle(const wire::fleet::TerminalFrame& frame);
  // Output the shells wrote since the last poll, and the sessions whose shell exited.
  std::vector<wire::fleet::TerminalOutputFrame> Poll();
  // The connection to the server broke: its browsers are gone, so are their shells.
  void CloseAll();
  [[nodiscard]] bool empty() const { return sessions_.empty(); }

 private:
  struct Session {
    UniqueFd master;
    pid_t pid = -1;
  };
  void Close(std::map<std::string, Session>::iterator it);

  const ProcessRuntime& runtime_;
  std::map<std::string, Session> sessions_;
};

}  // namespace gpuaas::agent::workloads
