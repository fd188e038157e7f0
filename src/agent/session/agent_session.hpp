#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "agent/session/certificate_renewal.hpp"
#include "agent/tasks/task_environment.hpp"
#include "agent/transport/frame_connection.hpp"
#include "agent/transport/server_url.hpp"
#include "agent/workloads/process_runtime.hpp"
#include "agent/workloads/terminal_sessions.hpp"
#include "shared/result.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::agent::session {

enum class SessionEnd {
  kStopped,       // SIGTERM/SIGINT: close and exit
  kDisconnected,  // the stream broke or the server closed it: reconnect with backoff
  kRejected,      // unauthenticated / permission_denied (revoked, retired): reconnect slowly
  kRestart,       // a restart_agent or self_update task: close and re-exec
};

struct SessionOutcome {
  SessionEnd end = SessionEnd::kDisconnected;
  bool welcomed = false;  // the handshake succeeded, so the reconnect backoff starts over
  std::string reason;
};

// What a session needs beyond its connection; it outlives every connection.
struct SessionContext {
  tasks::TaskEnvironment tasks;
  const transport::ServerEndpoint& server;
  const std::filesystem::path& executable;  // what a restart runs; self_update replaces it
  CertificateRenewal& renewal;
  const std::atomic<bool>& stop_requested;
};

// One connection's life: challenge, hello, welcome, then heartbeats on the server's interval, tasks
// as they come, renewals when due, and the PTYs of browser terminals. Tasks run one at a time on
// this thread; each is short.
class AgentSession {
 public:
  static constexpr auto kHandshakeTimeout = std::chrono::seconds(30);

  AgentSession(SessionContext context, transport::FrameConnection& connection)
      : context_(context), connection_(connection), runtime_(context.tasks.store.data_dir()), terminals_(runtime_) {}

  SessionOutcome Run();

 private:
  Result<wire::fleet::WelcomeFrame> Handshake();
  Result<wire::fleet::HelloFrame> MakeHello(const std::string& nonce) const;
  // The next frame within `timeout`, std::nullopt on timeout or stop; errors end the session.
  Result<std::optional<wire::fleet::AgentFrame>> NextFrame(std::chrono::milliseconds timeout);
  SessionOutcome Serve(std::chrono::seconds heartbeat_interval);
  Status OnFrame(wire::fleet::AgentFrame frame);
  Status OnTask(const wire::fleet::TaskFrame& task);
  Status OnCertificate(const wire::fleet::CertificateFrame& frame);
  Status OnRenewFailed(const wire::fleet::RenewFailedFrame& frame);
  Status OnTerminal(const wire::fleet::TerminalFrame& frame);
  Status PumpTerminals();
  Status PollRenewal(bool forced);
  Status SendHeartbeat();
  Status Send(const wire::fleet::AgentFrame& frame);

  SessionContext context_;
  transport::FrameConnection& connection_;
  std::int64_t heartbeat_seq_ = 0;
  std::optional<std::string> renew_task_id_;  // a renew_certificate task waiting for the server's certificate
  bool restart_requested_ = false;
  // Browser terminals live as long as the connection that relays them.
  workloads::ProcessRuntime runtime_;
  workloads::TerminalSessions terminals_;
};

// A server refusal that means "this node may not connect": revoked, retired or unknown.
bool IsRejection(const Error& error);

}  // namespace gpuaas::agent::session
