#include "agent/agent_cli.hpp"

#include <CLI/CLI.hpp>

#include "shared/build_info.hpp"

namespace gpuaas::agent {

int RunAgentCli(int argc, char** argv) {
  CLI::App app{
      "gpuaas-agent: the GPUaaS node agent. It enrolls a GPU host with the control plane, reports its "
      "GPUs and runs workloads.\nThis build only identifies itself; enrollment is not available yet."};
  app.set_version_flag("--version", VersionString());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::cout << app.help();
  return 0;
}

}  // namespace gpuaas::agent
