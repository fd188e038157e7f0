#pragma once

#include <string>
#include <vector>

namespace gpuaas::agent {

struct RunFlags {
  std::string data_dir;
};

// `gpuaas-agent run`: keeps this node's control stream open until SIGTERM/SIGINT (exit 0).
// Reconnects after every disconnect with jittered backoff, slowly when the server refuses the node.
// A restart_agent task re-executes the binary with `argv`. Exit 1 when the node is not enrolled or
// its state cannot be read.
int RunRunCommand(const RunFlags& flags, const std::vector<std::string>& argv);

}  // namespace gpuaas::agent
