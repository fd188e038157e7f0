#include "server/server_cli.hpp"

int main(int argc, char** argv) { return gpuaas::server::RunServerCli(argc, argv); }
