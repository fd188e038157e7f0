#include "agent/agent_cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "agent/inventory/simulated.hpp"
#include "agent/inventory_command.hpp"
#include "shared/build_info.hpp"

namespace gpuaas::agent {
namespace {

std::string KnownModels() {
  std::string known;
  for (const auto model : inventory::KnownSimulatedModels()) known += (known.empty() ? "" : ", ") + std::string(model);
  return known;
}

}  // namespace

int RunAgentCli(int argc, char** argv) {
  CLI::App app{
      "gpuaas-agent: the GPUaaS node agent. It will enroll a GPU host with the control plane, report its "
      "GPUs and run workloads.\nThis build reports the host's inventory; enrollment, the control stream and "
      "runtimes are not available yet."};
  app.set_version_flag("--version", VersionString());

  InventoryFlags inventory_flags;
  auto* inventory = app.add_subcommand(
      "inventory", "print this host's inventory (hardware, OS, runtimes, GPUs) as the JSON the agent reports");
  inventory->add_option_function<std::string>(
      "--simulate-gpus", [&](const std::string& spec) { inventory_flags.simulate_gpus = spec; },
      "report simulated GPUs instead of real ones: <count>x<model>, e.g. 8xH100 (count 1-" +
          std::to_string(inventory::kMaxSimulatedGpus) + ", model " + KnownModels() + ")");
  inventory->add_option_function<std::string>(
      "--data-dir", [&](const std::string& dir) { inventory_flags.data_dir = dir; },
      "the agent's data directory; disk figures are of its filesystem [default /var/lib/gpuaas-agent]");
  inventory->add_flag("--one-line", inventory_flags.one_line, "print compact JSON on one line instead of indented");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (inventory->parsed()) return RunInventoryCommand(inventory_flags, std::cout, std::cerr);
  std::cout << app.help();
  return 0;
}

}  // namespace gpuaas::agent
