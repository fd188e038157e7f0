#pragma once

namespace gpuaas::agent {

// gpuaas-agent's command line. The agent runs on every GPU host; enrollment, the control
// stream and runtimes land with the fleet work. Returns the exit code.
int RunAgentCli(int argc, char** argv);

}  // namespace gpuaas::agent
