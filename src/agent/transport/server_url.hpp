#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::agent::transport {

// Where the control plane listens, taken apart once so both clients (HTTP enrollment, the
// WebSocket stream) connect to the same place.
struct ServerEndpoint {
  bool tls = false;  // https://; the stream then uses wss://
  std::string host;  // "10.0.0.5", "cp.example.com" or "::1" (brackets removed)
  std::string port;  // "8080"; 80 or 443 when the URL names none
  // "host:port" as the Host header wants it (IPv6 in brackets; the port left out when default).
  std::string host_header;
};

inline constexpr std::string_view kEnrollTarget = "/api/v1/agent/enroll";
inline constexpr std::string_view kAgentStreamTarget = "/ws/v1/agent";

// http(s)://host[:port] with at most a trailing "/": the bootstrap token's form. Anything else,
// a path, credentials, a query, is invalid_argument on `field`.
Result<ServerEndpoint> ParseServerUrl(std::string_view url, std::string_view field = "server");

// "ws://host:port/ws/v1/agent" (wss:// under TLS), for logs and messages.
std::string StreamUrl(const ServerEndpoint& endpoint);

}  // namespace gpuaas::agent::transport
