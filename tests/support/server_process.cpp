#include "tests/support/server_process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/support/raw_http_client.hpp"

namespace gpuaas::testing {

ServerProcess::ServerProcess(const std::vector<std::string>& flags, const std::string& log_file) {
  std::vector<std::string> arguments{GPUAAS_SERVER_BINARY, "serve", "--log-file=" + log_file,
                                     "--web-root=/nonexistent"};
  arguments.insert(arguments.end(), flags.begin(), flags.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(GPUAAS_SERVER_BINARY, argv.data());
    ::_exit(127);
  }
}

ServerProcess::~ServerProcess() { Kill(); }

int ServerProcess::Terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ServerProcess::WaitExit(int timeout_ms) {
  for (int waited = 0; pid_ > 0 && waited <= timeout_ms; waited += 20) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

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
      RawHttpClient client(port);
      if (const auto reply = client.Get("/healthz"); reply && reply->status == 200) return true;
    } catch (const std::exception&) {}
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace gpuaas::testing
