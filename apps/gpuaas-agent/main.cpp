#include "agent/agent_cli.hpp"

int main(int argc, char** argv) { return gpuaas::agent::RunAgentCli(argc, argv); }
