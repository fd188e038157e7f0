#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gpuaas::agent::inventory {

inline constexpr std::string_view kDockerSocket = "/var/run/docker.sock";

// True when something accepts a connection on the Unix socket at `path`. A socket file left
// behind by a stopped daemon refuses, so this tells a running Docker from an installed one.
bool UnixSocketAnswers(const std::filesystem::path& path);

// The runtimes this host can run workloads with: "process" always, "docker" when its socket answers.
std::vector<std::string> DetectRuntimes(const std::filesystem::path& docker_socket = kDockerSocket);

}  // namespace gpuaas::agent::inventory
