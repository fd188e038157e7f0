// Bad input gets the error envelope with the right status and a useful message, and the
// server keeps serving afterwards.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <thread>

#include "tests/support/raw_http_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas {
namespace {

using testing::HttpReply;
using testing::RawHttpClient;
using testing::TestServer;

const boost::json::object& ErrorOf(const HttpReply& reply, boost::json::value& holder) {
  holder = boost::json::parse(reply.body);
  return holder.as_object().at("error").as_object();
}

class BadInputTest : public ::testing::Test {
 protected:
  void ExpectStillServing() {
    RawHttpClient fresh(server_.port());
    const auto reply = fresh.Get("/healthz");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
  }
  // Sends raw bytes on a new connection and reads one reply.
  std::optional<HttpReply> SendRaw(const std::string& bytes) {
    RawHttpClient client(server_.port());
    if (!client.SendRaw(bytes)) return std::nullopt;
    return client.ReadReply();
  }

  TestServer server_{
      TestServer::Settings{{"max_body_bytes", "4096"}, {"header_timeout_ms", "500"}, {"idle_timeout_ms", "700"}}};
};

TEST_F(BadInputTest, MalformedJsonIsInvalidArgumentNamingTheBody) {
  RawHttpClient client(server_.port());
  const auto reply = client.Send("POST", "/api/v1/console/reports", R"({"message": "x",)");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  boost::json::value holder;
  const auto& error = ErrorOf(*reply, holder);
  EXPECT_EQ(error.at("code").as_string(), "invalid_argument");
  EXPECT_NE(std::string(error.at("message").as_string()).find("malformed JSON"), std::string::npos);
  EXPECT_EQ(error.at("details").as_object().at("field").as_string(), "body");
  EXPECT_EQ(error.at("correlation_id").as_string(), reply->Header("x-request-id"));
  ExpectStillServing();
}

TEST_F(BadInputTest, WrongContentTypeIs415) {
  RawHttpClient client(server_.port());
  const auto reply = client.Send("POST", "/api/v1/console/reports", R"({"message":"x"})", "text/plain");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 415);
  boost::json::value holder;
  EXPECT_EQ(ErrorOf(*reply, holder).at("code").as_string(), "unsupported_media_type");
}

TEST_F(BadInputTest, OversizedBodyIs413AndTheConnectionCloses) {
  RawHttpClient client(server_.port());
  const auto reply = client.Send("POST", "/api/v1/console/reports", std::string(8192, 'x'));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  boost::json::value holder;
  EXPECT_EQ(ErrorOf(*reply, holder).at("code").as_string(), "payload_too_large");
  EXPECT_TRUE(client.WaitClosed(std::chrono::seconds(2)));
  ExpectStillServing();
}

TEST_F(BadInputTest, UnknownRouteIs404AndWrongMethodIs405WithAllow) {
  RawHttpClient client(server_.port());
  const auto missing = client.Get("/api/v1/no-such-thing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  const auto wrong = client.Send("DELETE", "/api/v1/version", "", "");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->Header("allow"), "GET, HEAD");
  boost::json::value holder;
  EXPECT_EQ(ErrorOf(*wrong, holder).at("code").as_string(), "method_not_allowed");
}

TEST_F(BadInputTest, InvalidPathEncodingIs400) {
  RawHttpClient client(server_.port());
  for (const auto* path : {"/api/v1/%zz", "/api/v1/%00", "/api/v1/../version"}) {
    const auto reply = client.Get(path);
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 400) << path;
    boost::json::value holder;
    EXPECT_EQ(ErrorOf(*reply, holder).at("details").as_object().at("field").as_string(), "path") << path;
  }
}

TEST_F(BadInputTest, RefusesTransferEncodingWithContentLength) {
  const auto reply = SendRaw(
      "POST /api/v1/console/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  boost::json::value holder;
  EXPECT_EQ(ErrorOf(*reply, holder).at("code").as_string(), "invalid_argument");
  ExpectStillServing();
}

TEST_F(BadInputTest, RefusesDuplicateContentLength) {
  for (const auto* lengths :
       {"Content-Length: 2\r\nContent-Length: 2\r\n", "Content-Length: 2\r\nContent-Length: 7\r\n"}) {
    const auto reply = SendRaw(std::string("POST /api/v1/console/reports HTTP/1.1\r\nHost: x\r\n"
                                           "Content-Type: application/json\r\n") +
                               lengths + "\r\n{}");
    ASSERT_TRUE(reply) << lengths;
    EXPECT_EQ(reply->status, 400) << lengths;
  }
  ExpectStillServing();
}

TEST_F(BadInputTest, GarbageIs400) {
  const auto reply = SendRaw("THIS IS NOT HTTP\r\n\r\n");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  ExpectStillServing();
}

TEST_F(BadInputTest, SilentConnectionsAreClosedAfterTheIdleTimeout) {
  RawHttpClient silent(server_.port());
  EXPECT_TRUE(silent.WaitClosed(std::chrono::seconds(5)));
  ExpectStillServing();
}

TEST_F(BadInputTest, AHeaderByteASecondDoesNotHoldTheConnection) {
  RawHttpClient slow(server_.port());
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa\r\n\r\n";
  const auto started = std::chrono::steady_clock::now();
  bool closed = false;
  for (const char c : request) {
    if (!slow.SendRaw(std::string(1, c)) || slow.WaitClosed(std::chrono::milliseconds(150))) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed) << "the server waited for the whole trickled header";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ExpectStillServing();
}

TEST_F(BadInputTest, KeepsServingManyRequestsOnOneConnection) {
  RawHttpClient client(server_.port());
  for (int i = 0; i < 100; ++i) {
    const auto reply = client.Get("/healthz");
    ASSERT_TRUE(reply) << i;
    ASSERT_EQ(reply->status, 200) << i;
  }
}

}  // namespace
}  // namespace gpuaas
