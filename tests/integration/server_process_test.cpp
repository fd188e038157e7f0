// gpuaas-server as a process: start-up validation, the SQLite single-process lock, and a
// clean exit on SIGTERM.
#include "tests/support/server_process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/raw_http_client.hpp"
#include "tests/support/server_command.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas {
namespace {

// Runs the server binary to completion, capturing stdout and stderr.
testing::CommandOutcome RunServer(const std::string& arguments) {
  return testing::RunCommand(std::string(GPUAAS_SERVER_BINARY) + " " + arguments);
}

using testing::FreePort;
using testing::WaitHealthy;

// The old call shape of this suite: one server on `database` at `port`.
testing::ServerProcess StartServer(const std::string& database, std::uint16_t port, const std::string& log) {
  return testing::ServerProcess({"--listen=127.0.0.1:" + std::to_string(port), "--database=" + database}, log);
}

TEST(ServerProcess, ExplainsEveryBadSettingAndExitsWithUsageError) {
  const auto outcome = RunServer("serve --listen nowhere --max-body-bytes 12 --database mysql://x");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.output.find("invalid configuration:"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("listen (flag --listen)"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("max_body_bytes (flag --max-body-bytes)"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("database (flag --database)"), std::string::npos) << outcome.output;
}

TEST(ServerProcess, MigrateAppliesThenFindsNothingToDo) {
  testing::TempDir dir;
  const auto database = "--database sqlite:" + (dir.path() / "g.db").string();
  const auto first = RunServer("migrate " + database);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("applied 5 migration(s)"), std::string::npos) << first.output;
  const auto second = RunServer("migrate " + database);
  EXPECT_NE(second.output.find("applied 0 migration(s)"), std::string::npos) << second.output;
}

TEST(ServerProcess, ASecondServerOnTheSameSqliteFileIsRefusedAndSigtermExitsCleanly) {
  testing::TempDir dir;
  const auto database = "sqlite:" + (dir.path() / "g.db").string();
  const auto port = FreePort();
  auto first = StartServer(database, port, (dir.path() / "first.log").string());
  ASSERT_TRUE(WaitHealthy(port));

  const auto second = RunServer("serve --listen 127.0.0.1:0 --database " + database);
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.output.find("already in use by another gpuaas-server process"), std::string::npos) << second.output;

  EXPECT_EQ(first.Terminate(), 0);
  std::ifstream log(dir.path() / "first.log");
  std::stringstream text;
  text << log.rdbuf();
  EXPECT_NE(text.str().find("\"event\":\"stopped\""), std::string::npos) << text.str();
}

TEST(ServerProcess, VersionFlagPrintsTheVersion) {
  const auto outcome = RunServer("--version");
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.output.substr(0, 4), "0.1.");
}

}  // namespace
}  // namespace gpuaas
