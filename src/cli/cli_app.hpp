#pragma once

namespace gpuaas::cli {

// `gpuaas`, the command line for users and scripts. It will speak only the public API.
// Returns the exit code.
int RunCli(int argc, char** argv);

}  // namespace gpuaas::cli
