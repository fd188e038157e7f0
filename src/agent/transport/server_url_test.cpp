#include "agent/transport/server_url.hpp"

#include <gtest/gtest.h>

namespace gpuaas::agent::transport {
namespace {

TEST(ServerUrl, TakesAnHttpUrlApart) {
  const auto endpoint = ParseServerUrl("http://10.0.0.5:8080");
  ASSERT_TRUE(endpoint.ok()) << endpoint.error().message();
  EXPECT_FALSE(endpoint->tls);
  EXPECT_EQ(endpoint->host, "10.0.0.5");
  EXPECT_EQ(endpoint->port, "8080");
  EXPECT_EQ(endpoint->host_header, "10.0.0.5:8080");
  EXPECT_EQ(StreamUrl(*endpoint), "ws://10.0.0.5:8080/ws/v1/agent");
}

TEST(ServerUrl, DefaultsThePortBySchemeAndAcceptsATrailingSlash) {
  const auto plain = ParseServerUrl("http://cp.example.com/");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->port, "80");
  EXPECT_EQ(plain->host_header, "cp.example.com");
  const auto secure = ParseServerUrl("https://cp.example.com");
  ASSERT_TRUE(secure.ok());
  EXPECT_TRUE(secure->tls);
  EXPECT_EQ(secure->port, "443");
  EXPECT_EQ(StreamUrl(*secure), "wss://cp.example.com/ws/v1/agent");
}

TEST(ServerUrl, ReadsBracketedIpv6) {
  const auto endpoint = ParseServerUrl("http://[::1]:9000");
  ASSERT_TRUE(endpoint.ok()) << endpoint.error().message();
  EXPECT_EQ(endpoint->host, "::1");
  EXPECT_EQ(endpoint->port, "9000");
  EXPECT_EQ(endpoint->host_header, "[::1]:9000");
}

TEST(ServerUrl, RefusesWhatIsNotSchemeHostPort) {
  for (const auto* url : {"ftp://host", "host:80", "http://", "http://host:0", "http://host:65536", "http://host:8x",
                          "http://host/api", "http://user@host", "http://host?x=1", "http://::1:80", "http://[::1"}) {
    const auto endpoint = ParseServerUrl(url, "--server");
    ASSERT_FALSE(endpoint.ok()) << url;
    EXPECT_EQ(endpoint.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_TRUE(endpoint.error().message().starts_with("--server: ")) << endpoint.error().message();
  }
}

}  // namespace
}  // namespace gpuaas::agent::transport
