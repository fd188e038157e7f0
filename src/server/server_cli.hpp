#pragma once

namespace gpuaas::server {

// gpuaas-server's command line: `serve`, `migrate`, `--version`. Returns the exit code.
int RunServerCli(int argc, char** argv);

}  // namespace gpuaas::server
