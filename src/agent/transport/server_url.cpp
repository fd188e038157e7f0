#include "agent/transport/server_url.hpp"

#include <algorithm>
#include <cctype>

namespace gpuaas::agent::transport {
namespace {

bool IsValidPort(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  if (!std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) return false;
  const int value = std::stoi(std::string(port));
  return value >= 1 && value <= 65535;
}

bool IsValidHost(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '.' || c == '-' || c == ':' || c == '_';
  });
}

}  // namespace

Result<ServerEndpoint> ParseServerUrl(std::string_view url, std::string_view field) {
  const auto invalid = [&](std::string why) {
    return Error::InvalidArgument(std::string(field), "\"" + std::string(url) + "\" " + why);
  };
  ServerEndpoint endpoint;
  std::string_view rest = url;
  if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else if (rest.starts_with("https://")) {
    endpoint.tls = true;
    rest.remove_prefix(8);
  } else {
    return invalid("must start with http:// or https://");
  }
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.find_first_of("/?#@") != std::string_view::npos) {
    return invalid("must be scheme://host[:port] without a path, query or credentials");
  }
  std::string_view port;
  if (rest.starts_with('[')) {  // [IPv6]:port
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return invalid("has an unclosed IPv6 bracket");
    endpoint.host = std::string(rest.substr(1, close - 1));
    const auto after = rest.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) return invalid("has text after the IPv6 address");
    if (!after.empty()) port = after.substr(1);
  } else {
    const auto colon = rest.rfind(':');
    endpoint.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) port = rest.substr(colon + 1);
    if (endpoint.host.find(':') != std::string::npos) return invalid("needs brackets around an IPv6 address");
  }
  if (!IsValidHost(endpoint.host)) return invalid("has no valid host");
  const bool default_port = port.empty();
  if (!default_port && !IsValidPort(port)) return invalid("has an invalid port");
  endpoint.port = default_port ? (endpoint.tls ? "443" : "80") : std::string(port);
  const auto bracketed = endpoint.host.find(':') != std::string::npos ? "[" + endpoint.host + "]" : endpoint.host;
  endpoint.host_header = default_port ? bracketed : bracketed + ":" + endpoint.port;
  return endpoint;
}

std::string StreamUrl(const ServerEndpoint& endpoint) {
  return std::string(endpoint.tls ? "wss://" : "ws://") + endpoint.host_header + std::string(kAgentStreamTarget);
}

}  // namespace gpuaas::agent::transport
