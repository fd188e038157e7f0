#pragma once

#include <chrono>

namespace gpuaas::services {

// The wait before attempt `attempt` + 1 after `attempt` failed: base * 2^(attempt-1), at
// most `cap`, then scaled by `jitter` in [0, 1] onto [half, full] of that ("equal jitter"),
// so retries of many operations that failed together spread out but never come sooner
// than half the exponential delay.
std::chrono::milliseconds RetryDelay(int attempt, std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                     double jitter);

}  // namespace gpuaas::services
