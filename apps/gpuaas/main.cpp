#include "cli/cli_app.hpp"

int main(int argc, char** argv) { return gpuaas::cli::RunCli(argc, argv); }
