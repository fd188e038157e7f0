#include "agent/agent_cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "agent/enroll/enroll_command.hpp"
#include "agent/inventory/collector.hpp"
#include "agent/inventory/simulated.hpp"
#include "agent/inventory_command.hpp"
#include "agent/run/run_command.hpp"
#include "shared/build_info.hpp"

namespace gpuaas::agent {
namespace {

std::string SimulateGpusHelp() {
  std::string known;
  for (const auto model : inventory::KnownSimulatedModels()) known += (known.empty() ? "" : ", ") + std::string(model);
  return "report simulated GPUs instead of real ones: <count>x<model>, e.g. 8xH100 (count 1-" +
         std::to_string(inventory::kMaxSimulatedGpus) + ", model " + known + ")";
}

const std::string kDataDirHelp = "the agent's data directory [default " + std::string(inventory::kDefaultDataDir) + "]";

}  // namespace

int RunAgentCli(int argc, char** argv) {
  CLI::App app{
      "gpuaas-agent: the GPUaaS node agent. It enrolls a GPU host with the control plane, keeps one control "
      "stream open to it (heartbeats with GPU figures, tasks, certificate renewal) and reports the host's "
      "inventory.\nWorkload runtimes are not available yet. This build speaks plain http:// only."};
  app.set_version_flag("--version", VersionString());
  app.require_subcommand(0, 1);

  EnrollFlags enroll_flags{.data_dir = std::string(inventory::kDefaultDataDir)};
  auto* enroll = app.add_subcommand(
      "enroll", "enroll this host with a bootstrap token: new key and certificate, written to the data directory");
  enroll->add_option("--token", enroll_flags.token, "the bootstrap token the console shows (gpbt1.…)")->required();
  enroll->add_option_function<std::string>(
      "--server", [&](const std::string& url) { enroll_flags.server = url; },
      "the server's URL, http://host:port, instead of the one in the token");
  enroll->add_option("--data-dir", enroll_flags.data_dir, kDataDirHelp);
  enroll->add_option_function<std::string>(
      "--simulate-gpus", [&](const std::string& spec) { enroll_flags.simulate_gpus = spec; },
      SimulateGpusHelp() + "; remembered, so `run` reports the same GPUs");
  enroll->add_flag("--force", enroll_flags.force, "enroll again although this data directory holds an enrollment");

  RunFlags run_flags{.data_dir = std::string(inventory::kDefaultDataDir)};
  auto* run = app.add_subcommand(
      "run", "connect to the server and serve it until SIGTERM: heartbeats, tasks, renewals, reconnects");
  run->add_option("--data-dir", run_flags.data_dir, kDataDirHelp);

  InventoryFlags inventory_flags;
  auto* inventory = app.add_subcommand(
      "inventory", "print this host's inventory (hardware, OS, runtimes, GPUs) as the JSON the agent reports");
  inventory->add_option_function<std::string>(
      "--simulate-gpus", [&](const std::string& spec) { inventory_flags.simulate_gpus = spec; }, SimulateGpusHelp());
  inventory->add_option_function<std::string>(
      "--data-dir", [&](const std::string& dir) { inventory_flags.data_dir = dir; },
      "the agent's data directory; disk figures are of its filesystem [default /var/lib/gpuaas-agent]");
  inventory->add_flag("--one-line", inventory_flags.one_line, "print compact JSON on one line instead of indented");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (enroll->parsed()) return RunEnrollCommand(enroll_flags, std::cout, std::cerr);
  if (run->parsed()) return RunRunCommand(run_flags, std::vector<std::string>(argv, argv + argc));
  if (inventory->parsed()) return RunInventoryCommand(inventory_flags, std::cout, std::cerr);
  std::cout << app.help();
  return 0;
}

}  // namespace gpuaas::agent
