// gpuaas-server as a process: start-up validation, the SQLite single-process lock, and a
// clean exit on SIGTERM.
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

// A server process in the background, killed if the test forgets to stop it.
class ServerProcess {
 public:
  ServerProcess(const std::string& database, std::uint16_t port, const std::string& log) {
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string listen = "--listen=127.0.0.1:" + std::to_string(port);
      const std::string db = "--database=" + database;
      const std::string log_file = "--log-file=" + log;
      ::execl(GPUAAS_SERVER_BINARY, GPUAAS_SERVER_BINARY, "serve", listen.c_str(), db.c_str(), log_file.c_str(),
              "--web-root=/nonexistent", static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  int Terminate() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
};

// Asks the kernel for a free loopback port (bind to port 0), then releases it for the child.
std::uint16_t FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool WaitHealthy(std::uint16_t port) {
  for (int i = 0; i < 200; ++i) {
    try {
      testing::RawHttpClient client(port);
      if (const auto reply = client.Get("/healthz"); reply && reply->status == 200) return true;
    } catch (const std::exception&) {}
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
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
  EXPECT_NE(first.output.find("applied 2 migration(s)"), std::string::npos) << first.output;
  const auto second = RunServer("migrate " + database);
  EXPECT_NE(second.output.find("applied 0 migration(s)"), std::string::npos) << second.output;
}

TEST(ServerProcess, ASecondServerOnTheSameSqliteFileIsRefusedAndSigtermExitsCleanly) {
  testing::TempDir dir;
  const auto database = "sqlite:" + (dir.path() / "g.db").string();
  const auto port = FreePort();
  ServerProcess first(database, port, (dir.path() / "first.log").string());
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
