#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace gpuaas::services {

// The fleet's knobs, from the server configuration.
struct FleetSettings {
  std::chrono::seconds heartbeat_interval{10};  // told to every agent in its welcome
  std::chrono::seconds offline_after{30};       // a connected node silent this long is offline
  std::chrono::seconds certificate_lifetime{std::chrono::hours(24 * 7)};
  std::optional<std::string> desired_agent_version;  // drift is reported against it; none: this server's version
};

}  // namespace gpuaas::services
