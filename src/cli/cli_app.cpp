#include "cli/cli_app.hpp"

#include <CLI/CLI.hpp>

#include "shared/build_info.hpp"

namespace gpuaas::cli {

int RunCli(int argc, char** argv) {
  CLI::App app{
      "gpuaas: the GPUaaS command line for users and scripts.\nThis build only identifies itself; "
      "API commands are not available yet."};
  app.set_version_flag("--version", VersionString());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::cout << app.help();
  return 0;
}

}  // namespace gpuaas::cli
