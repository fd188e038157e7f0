#include "agent/inventory/runtimes.hpp"

#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>

#include "agent/unique_fd.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::agent::inventory {

bool UnixSocketAnswers(const std::filesystem::path& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const auto& text = path.native();
  if (text.empty() || text.size() >= sizeof(address.sun_path)) return false;
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  // Non-blocking, so a daemon with a full accept queue reads as absent instead of stalling us.
  const UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return false;
  return ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
}

std::vector<std::string> DetectRuntimes(const std::filesystem::path& docker_socket) {
  std::vector<std::string> runtimes{std::string(wire::fleet::kRuntimeProcess)};
  if (UnixSocketAnswers(docker_socket)) runtimes.emplace_back(wire::fleet::kRuntimeDocker);
  return runtimes;
}

}  // namespace gpuaas::agent::inventory
