#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace gpuaas::agent {

struct InventoryFlags {
  std::optional<std::string> simulate_gpus;  // "8xH100"
  std::optional<std::string> data_dir;
  bool one_line = false;
};

// `gpuaas-agent inventory`: collects the host's inventory and writes it to `out` as the JSON the
// agent will send the server; GPU sources passed over are noted on `err`. Returns the exit code:
// 0 printed, 2 a bad flag, 1 the host facts could not be read.
int RunInventoryCommand(const InventoryFlags& flags, std::ostream& out, std::ostream& err);

}  // namespace gpuaas::agent
