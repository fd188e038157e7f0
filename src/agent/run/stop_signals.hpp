#pragma once

#include <atomic>

namespace gpuaas::agent {

// Routes SIGTERM and SIGINT to the returned flag, which the run loop polls. A signal handler can
// reach only static storage, so this is the one process-wide flag of the agent.
const std::atomic<bool>& InstallStopSignals();

}  // namespace gpuaas::agent
