#include "agent/run/run_command.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <random>
#include <thread>

#include "agent/error_line.hpp"
#include "agent/run/stop_signals.hpp"
#include "agent/session/agent_session.hpp"
#include "agent/session/backoff.hpp"
#include "agent/transport/websocket_client.hpp"
#include "shared/log.hpp"

namespace gpuaas::agent {
namespace {

const log::Logger logger{"agent"};
constexpr auto kConnectTimeout = std::chrono::seconds(10);

void SleepUnlessStopped(std::chrono::milliseconds delay, const std::atomic<bool>& stop) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (!stop && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

// Replaces this process with a fresh copy of the same binary and arguments: the same PID, so
// systemd sees no restart. Returns only when exec failed; the caller exits and systemd restarts it.
// The executable's path, not /proc/self/exe: after a self-update that link names the replaced
// (deleted) binary, and the new one is what must run.
void Reexecute(const std::filesystem::path& executable, const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  ::execv(executable.c_str(), args.data());
  logger.Error("restart_failed", {{"error", std::strerror(errno)}});
}

int Fail(const Error& error) {
  std::cerr << ErrorLine(error);
  return 1;
}

}  // namespace

int RunRunCommand(const RunFlags& flags, const std::vector<std::string>& argv) {
  auto sink = std::make_shared<RecentLogSink>(kRecentLogLines);
  log::Configure(sink, log::Level::kInfo);
  const state::StateStore store{flags.data_dir};
  auto state = store.LoadState();
  if (!state) return Fail(state.error());
  auto endpoint = transport::ParseServerUrl(state->server_url, "state.json server_url");
  if (!endpoint) return Fail(endpoint.error());
  auto inventory = inventory::MakeInventoryOptions(state->simulate_gpus, store.data_dir());
  if (!inventory) return Fail(inventory.error());
  const auto& stop = InstallStopSignals();

  const SystemClock clock;
  std::random_device seed;
  session::CertificateRenewal renewal(store, clock, seed());
  session::Backoff reconnect({std::chrono::seconds(1), std::chrono::seconds(30)}, seed());
  std::error_code no_link;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", no_link);
  if (no_link) return Fail(Error::Unavailable("cannot find this executable: " + no_link.message()));
  const session::SessionContext context{.tasks = {.store = store,
                                                  .inventory = *inventory,
                                                  .clock = clock,
                                                  .recent_log = sink.get(),
                                                  .started_at = clock.Now()},
                                        .server = *endpoint,
                                        .executable = executable,
                                        .renewal = renewal,
                                        .stop_requested = stop};
  logger.Info("starting", {{"node_id", state->node_id}, {"server", transport::StreamUrl(*endpoint)}});
  while (!stop) {
    auto connection = transport::ConnectWebSocket(*endpoint, transport::kAgentStreamTarget, kConnectTimeout);
    if (!connection && connection.error().code() == ErrorCode::kFailedPrecondition) return Fail(connection.error());
    auto delay = std::chrono::milliseconds(0);
    if (!connection) {
      delay = reconnect.Next();
      logger.Warn("connect_failed", {{"error", connection.error().message()}, {"retry_in_ms", delay.count()}});
    } else {
      const auto outcome = session::AgentSession(context, **connection).Run();
      (*connection)->Close();
      if (outcome.welcomed) reconnect.Reset();
      if (outcome.end == session::SessionEnd::kStopped) break;
      if (outcome.end == session::SessionEnd::kRestart) {
        logger.Info("restarting", {});
        connection->reset();  // the socket and its I/O thread end before exec
        Reexecute(executable, argv);
        return 1;
      }
      const bool rejected = outcome.end == session::SessionEnd::kRejected;
      delay = rejected ? reconnect.AtCap() : reconnect.Next();
      if (rejected) {
        logger.Error("node_refused", {{"reason", outcome.reason},
                                      {"hint", "the node may be revoked or retired; re-enroll it if so"},
                                      {"retry_in_ms", delay.count()}});
      } else {
        logger.Warn("disconnected", {{"reason", outcome.reason}, {"retry_in_ms", delay.count()}});
      }
    }
    SleepUnlessStopped(delay, stop);
  }
  logger.Info("stopped", {});
  return 0;
}

}  // namespace gpuaas::agent
