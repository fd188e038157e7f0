#include "tests/support/server_command.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace gpuaas::testing {

CommandOutcome RunCommand(const std::string& command_line) {
  const std::string command = command_line + " 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string output;
  std::array<char, 4096> chunk{};
  while (const auto n = std::fread(chunk.data(), 1, chunk.size(), pipe)) output.append(chunk.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace gpuaas::testing
