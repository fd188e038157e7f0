// The control plane's own routes, over a real socket, on SQLite or PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/support/raw_http_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas {
namespace {

using testing::RawHttpClient;
using testing::TestServer;

boost::json::object ParseObject(const std::string& body) { return boost::json::parse(body).as_object(); }

class ServerApiTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(ServerApiTest, HealthzAnswersOk) {
  RawHttpClient client(server_.port());
  const auto reply = client.Get("/healthz");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"status":"ok"})");
  EXPECT_EQ(reply->Header("x-request-id").substr(0, 4), "req_");
}

TEST_F(ServerApiTest, ReadyzChecksDatabaseAndMigrations) {
  RawHttpClient client(server_.port());
  const auto reply = client.Get("/readyz");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  const auto body = ParseObject(reply->body);
  EXPECT_EQ(body.at("status").as_string(), "ready");
  const auto& migrations = body.at("checks").as_object().at("migrations").as_object();
  EXPECT_EQ(migrations.at("applied").as_int64(), migrations.at("latest").as_int64());
  EXPECT_GE(migrations.at("latest").as_int64(), 1);
}

TEST_F(ServerApiTest, VersionDescribesTheBuild) {
  RawHttpClient client(server_.port());
  const auto reply = client.Get("/api/v1/version");
  ASSERT_TRUE(reply);
  const auto body = ParseObject(reply->body);
  EXPECT_EQ(body.at("name").as_string(), "gpuaas-server");
  EXPECT_EQ(body.at("api_version").as_string(), "v1");
  EXPECT_FALSE(body.at("version").as_string().empty());
}

TEST_F(ServerApiTest, MetricsCountRequestsByRouteTemplate) {
  RawHttpClient client(server_.port());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client.Get("/healthz"));
  ASSERT_TRUE(client.Get("/workloads/wl_123"));
  const auto reply = client.Get("/metrics");
  ASSERT_TRUE(reply);
  EXPECT_NE(reply->Header("content-type").find("text/plain; version=0.0.4"), std::string::npos);
  EXPECT_NE(reply->body.find(R"(gpuaas_http_requests_total{method="GET",route="/healthz",status="200"} 3)"),
            std::string::npos)
      << reply->body;
  // Raw paths never become labels: the console route is counted under its template.
  EXPECT_NE(reply->body.find(R"(route="/{path...}",status="200"} 1)"), std::string::npos);
  EXPECT_EQ(reply->body.find("wl_123"), std::string::npos);
  EXPECT_NE(reply->body.find("gpuaas_http_requests_in_flight 1"), std::string::npos);
  EXPECT_NE(reply->body.find("gpuaas_build_info{"), std::string::npos);
}

TEST_F(ServerApiTest, ServesTheOpenApiDocumentAsIs) {
  RawHttpClient client(server_.port());
  const auto reply = client.Get("/api/openapi.json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(ParseObject(reply->body).at("openapi").as_string(), "3.1.0");
}

TEST_F(ServerApiTest, ConsoleRoutesFallBackToIndexButApiAndWsNeverDo) {
  RawHttpClient client(server_.port());
  const auto deep = client.Get("/storage/buckets/b_1");
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->status, 200);
  EXPECT_NE(deep->body.find("GPUaaS console"), std::string::npos);
  EXPECT_EQ(deep->Header("cache-control"), "no-cache");

  const auto asset = client.Get("/assets/app-abc123.js");
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset->Header("cache-control"), "public, max-age=31536000, immutable");

  for (const auto* path : {"/api/v1/nothing", "/api", "/ws/v1/nothing", "/assets/missing.js", "//api/v1/x"}) {
    const auto reply = client.Get(path);
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 404) << path;
    EXPECT_EQ(reply->Header("content-type"), "application/json") << path;
    EXPECT_EQ(ParseObject(reply->body).at("error").as_object().at("code").as_string(), "not_found") << path;
  }
  // A sibling that merely starts with "api" is a console route.
  EXPECT_EQ(client.Get("/apis")->status, 200);
}

TEST_F(ServerApiTest, HeadAnswersWithoutABody) {
  RawHttpClient client(server_.port());
  ASSERT_TRUE(
      client.SendRaw("HEAD /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  const auto head = client.ReadReply(/*expect_body=*/false);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_GT(std::stoi(head->Header("content-length")), 0);
  // Had the server sent a body after the HEAD reply, it would be read as the next status line.
  const auto next = client.ReadReply();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, R"({"status":"ok"})");
}

TEST_F(ServerApiTest, AcceptsAConsoleReportAndRefusesBadOnes) {
  RawHttpClient client(server_.port());
  const auto accepted = client.Send("POST", "/api/v1/console/reports",
                                    R"({"message":"TypeError: x is undefined","url":"/storage","component":"Rail"})");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 202) << accepted->body;
  const auto report_id = std::string(ParseObject(accepted->body).at("report_id").as_string());
  EXPECT_EQ(report_id.substr(0, 5), "crep_");
  EXPECT_NE(server_.ReadLog().find(report_id), std::string::npos);

  const auto missing = client.Send("POST", "/api/v1/console/reports", R"({"url":"/x"})");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(ParseObject(missing->body).at("error").as_object().at("details").as_object().at("field").as_string(),
            "message");
  const auto unknown = client.Send("POST", "/api/v1/console/reports", R"({"message":"m","extra":1})");
  EXPECT_EQ(ParseObject(unknown->body).at("error").as_object().at("message").as_string(), "extra: unknown field");
  const auto too_long =
      client.Send("POST", "/api/v1/console/reports", R"({"message":")" + std::string(2001, 'x') + R"("})");
  EXPECT_EQ(too_long->status, 400);
}

TEST_F(ServerApiTest, AnswersExpectContinueBeforeTheBodyIsSent) {
  RawHttpClient client(server_.port());
  const std::string body = R"({"message":"sent after 100 Continue"})";
  ASSERT_TRUE(client.SendRaw("POST /api/v1/console/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Expect: 100-continue\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n"));
  const auto interim = client.ReadReply(/*expect_body=*/false);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.SendRaw(body));
  const auto final_reply = client.ReadReply();
  ASSERT_TRUE(final_reply);
  EXPECT_EQ(final_reply->status, 202) << final_reply->body;
}

}  // namespace
}  // namespace gpuaas
