// Token buckets on real sockets: sign-in is limited per client IP, and every API caller
// per principal, with 429 rate_limited and Retry-After.
#include <gtest/gtest.h>

#include "tests/support/api_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

TEST(RateLimitTest, SignInIsLimitedPerClientAddress) {
  TestServer server(TestServer::Settings{{"rate_limit_sign_in_per_minute", "3"}});
  ApiClient anonymous(server.port());
  int refused = 0;
  for (int i = 0; i < 6; ++i) {
    const auto reply = anonymous.Post("/api/v1/auth/login",
                                      R"({"email":"user)" + std::to_string(i) + R"(@test.local","password":"x"})");
    if (reply.status == 429) {
      ++refused;
      EXPECT_EQ(reply.ErrorCode(), "rate_limited");
      EXPECT_GE(std::stoi(reply.raw.Header("retry-after")), 1);
    } else {
      EXPECT_EQ(reply.status, 401);
    }
  }
  EXPECT_EQ(refused, 3);
  // Other API calls are not charged to the sign-in bucket.
  EXPECT_EQ(anonymous.Get("/api/v1/auth/config").status, 200);
}

TEST(RateLimitTest, EachPrincipalHasItsOwnBucket) {
  TestServer server(TestServer::Settings{{"rate_limit_principal_per_second", "5"}});
  const auto admin = ApiClient::SignIn(server.port(), kTestAdminEmail, kTestAdminPassword);
  int ok = 0;
  int limited = 0;
  for (int i = 0; i < 40; ++i) {
    const auto status = admin.Get("/api/v1/users/me").status;
    ok += status == 200 ? 1 : 0;
    limited += status == 429 ? 1 : 0;
  }
  EXPECT_GE(ok, 10);  // a burst of twice the rate
  EXPECT_GT(limited, 0);
  EXPECT_EQ(ok + limited, 40);
  // Anonymous calls from the same address are not charged to that principal.
  EXPECT_EQ(ApiClient(server.port()).Get("/api/v1/auth/config").status, 200);
}

}  // namespace
}  // namespace gpuaas::testing
