// Nothing secret reaches the log: not an Authorization header, not a password in a body.
#include <gtest/gtest.h>

#include "tests/support/raw_http_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas {
namespace {

TEST(LogRedaction, CredentialsInHeadersAndBodiesNeverReachTheLog) {
  testing::TestServer server(testing::TestServer::Settings{{"log_level", "debug"}});
  testing::RawHttpClient client(server.port());
  const std::string bearer = "Authorization: Bearer tok_SECRET_bearer_4242\r\nCookie: session=COOKIE_SECRET_77\r\n";
  ASSERT_TRUE(client.Get("/api/v1/version", bearer));
  ASSERT_TRUE(client.Get("/api/v1/missing?password=QUERY_SECRET_1", bearer));
  ASSERT_TRUE(client.Send("POST", "/api/v1/console/reports", R"({"message":"boom","password":"hunter2_BODY_SECRET"})",
                          "application/json", bearer));
  ASSERT_TRUE(client.Send("POST", "/api/v1/console/reports", R"({"password":"hunter2_BODY_SECRET")", "application/json",
                          bearer));
  ASSERT_TRUE(client.Send("POST", "/api/v1/console/reports", R"json({"message":"ok","stack":"at login()"})json",
                          "application/json", bearer));
  server.Stop();

  const auto log = server.ReadLog();
  ASSERT_NE(log.find("\"event\":\"request\""), std::string::npos) << "the access log must have been written";
  for (const auto* secret : {"tok_SECRET_bearer_4242", "COOKIE_SECRET_77", "hunter2_BODY_SECRET", "QUERY_SECRET_1"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " leaked into the log:\n" << log;
  }
}

}  // namespace
}  // namespace gpuaas
