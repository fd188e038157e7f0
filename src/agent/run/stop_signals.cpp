#include "agent/run/stop_signals.hpp"

#include <signal.h>

namespace gpuaas::agent {
namespace {

std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

void RequestStop(int /*signal*/) { stop_requested.store(true); }

}  // namespace

const std::atomic<bool>& InstallStopSignals() {
  struct sigaction action {};
  action.sa_handler = RequestStop;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGTERM, &action, nullptr);
  ::sigaction(SIGINT, &action, nullptr);
  return stop_requested;
}

}  // namespace gpuaas::agent
