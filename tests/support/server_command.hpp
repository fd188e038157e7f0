#pragma once

#include <string>

namespace gpuaas::testing {

struct CommandOutcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// Runs the gpuaas-server binary (GPUAAS_SERVER_BINARY of the calling test) to completion.
CommandOutcome RunCommand(const std::string& command_line);

}  // namespace gpuaas::testing
