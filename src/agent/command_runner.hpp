#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::agent {

struct CommandLimits {
  std::chrono::milliseconds timeout{10'000};
  std::size_t max_output_bytes = 4 * 1024 * 1024;
};

// Runs `argv` (argv[0] looked up in PATH, no shell) with stdin and stderr on /dev/null and
// returns what it wrote to stdout. A tool on a sick host can hang (nvidia-smi blocks on a GPU
// that fell off the bus), so the child is killed when it overruns the limits; every failure,
// including a non-zero exit, is an `unavailable` error naming the command.
Result<std::string> RunCommand(const std::vector<std::string>& argv, const CommandLimits& limits = {});

}  // namespace gpuaas::agent
