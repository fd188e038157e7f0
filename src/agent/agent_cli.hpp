#pragma once

namespace gpuaas::agent {

// gpuaas-agent's command line: enroll, run, inventory. The agent runs on every GPU host.
// Returns the exit code.
int RunAgentCli(int argc, char** argv);

}  // namespace gpuaas::agent
