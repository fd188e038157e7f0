#include "net/router.hpp"

#include <gtest/gtest.h>

namespace gpuaas::net {
namespace {

Route MakeRoute(Method method, std::string path) {
  return Route{method, std::move(path), [](Request&) -> Result<Response> { return Response::Text(200, "ok"); }};
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(router_.Add(MakeRoute(Method::kGet, "/api/v1/nodes")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute(Method::kPost, "/api/v1/nodes")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute(Method::kGet, "/api/v1/nodes/{node_id}")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute(Method::kGet, "/api/v1/nodes/summary")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute(Method::kDelete, "/api/v1/nodes/{node_id}/gpus/{index}")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute(Method::kGet, "/{path...}")).ok());
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralRoutes) {
  const auto match = router_.Find(Method::kGet, "/api/v1/nodes");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(match.route->path, "/api/v1/nodes");
  EXPECT_EQ(router_.Find(Method::kPost, "/api/v1/nodes").route->method, Method::kPost);
}

TEST_F(RouterTest, ExtractsDecodedPathParameters) {
  const auto match = router_.Find(Method::kDelete, "/api/v1/nodes/node_a%20b/gpus/3");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  ASSERT_EQ(match.params.size(), 2u);
  EXPECT_EQ(match.params[0].name, "node_id");
  EXPECT_EQ(match.params[0].value, "node_a b");
  EXPECT_EQ(match.params[1].name, "index");
  EXPECT_EQ(match.params[1].value, "3");
}

TEST_F(RouterTest, PrefersLiteralsOverParameters) {
  const auto match = router_.Find(Method::kGet, "/api/v1/nodes/summary");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(match.route->path, "/api/v1/nodes/summary");
  EXPECT_TRUE(match.params.empty());
}

TEST_F(RouterTest, ReportsAllowedMethodsForAKnownPath) {
  const auto match = router_.Find(Method::kPut, "/api/v1/nodes");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "GET, HEAD, POST");
}

TEST_F(RouterTest, AnswersHeadWithTheGetRoute) {
  const auto match = router_.Find(Method::kHead, "/api/v1/nodes/node_1");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(match.route->method, Method::kGet);
}

TEST_F(RouterTest, FallsBackToTheTailRouteWithTheRestOfThePath) {
  const auto match = router_.Find(Method::kGet, "/workloads/wl_1/terminal");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(match.route->path, "/{path...}");
  EXPECT_EQ(match.params[0].value, "workloads/wl_1/terminal");
  EXPECT_EQ(router_.Find(Method::kGet, "/").params[0].value, "");
}

TEST_F(RouterTest, RejectsMalformedPaths) {
  EXPECT_EQ(router_.Find(Method::kGet, "/api/v1/nodes/%zz").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Find(Method::kGet, "/api/v1/nodes/%4").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Find(Method::kGet, "/api/v1/nodes/%00").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Find(Method::kGet, "/api/../etc/passwd").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Find(Method::kGet, "http://evil/").kind, RouteMatch::Kind::kBadPath);
}

TEST_F(RouterTest, IgnoresEmptySegments) {
  EXPECT_EQ(router_.Find(Method::kGet, "/api//v1/nodes/").route->path, "/api/v1/nodes");
}

TEST(Router, RefusesDuplicateAndMalformedTemplates) {
  Router router;
  ASSERT_TRUE(router.Add(MakeRoute(Method::kGet, "/a/{id}")).ok());
  EXPECT_EQ(router.Add(MakeRoute(Method::kGet, "/a/{id}")).error().code(), ErrorCode::kConflict);
  EXPECT_FALSE(router.Add(MakeRoute(Method::kGet, "/a/{other}/x")).ok());
  EXPECT_FALSE(router.Add(MakeRoute(Method::kGet, "/b/{rest...}/c")).ok());
  EXPECT_FALSE(router.Add(MakeRoute(Method::kGet, "relative")).ok());
  EXPECT_EQ(router.routes().size(), 1u);
}

TEST(Router, NotFoundWithoutATail) {
  Router router;
  ASSERT_TRUE(router.Add(MakeRoute(Method::kGet, "/a")).ok());
  EXPECT_EQ(router.Find(Method::kGet, "/b").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router.Find(Method::kGet, "/a/b").kind, RouteMatch::Kind::kNotFound);
}

}  // namespace
}  // namespace gpuaas::net
