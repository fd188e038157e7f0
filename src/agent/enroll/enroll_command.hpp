#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace gpuaas::agent {

struct EnrollFlags {
  std::string token;                  // gpbt1.…
  std::optional<std::string> server;  // overrides the token's server URL
  std::string data_dir;
  std::optional<std::string> simulate_gpus;
  bool force = false;  // enroll again over an existing enrollment
};

// `gpuaas-agent enroll`: a new key and CSR, the inventory, POST /api/v1/agent/enroll, checks of the
// answer against the token's CA, then the data directory. Prints the node on `out`, failures as
// "error: <message> (<code>)" on `err`. Exit 0 enrolled, 2 a bad flag or token, 1 anything else.
int RunEnrollCommand(const EnrollFlags& flags, std::ostream& out, std::ostream& err);

}  // namespace gpuaas::agent
