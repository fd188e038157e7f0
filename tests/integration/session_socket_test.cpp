// /ws/v1/session: opened with the console's cookie, refused for strangers and foreign
// origins, and closed by the server once the session ends (logout, revocation, disabling).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>

#include "tests/support/api_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

class SessionSocketTest : public ::testing::Test {
 protected:
  std::unique_ptr<websocket::stream<beast::tcp_stream>> Open(const std::string& cookie, const std::string& origin) {
    auto ws = std::make_unique<websocket::stream<beast::tcp_stream>>(io_);
    beast::get_lowest_layer(*ws).connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server_.port()));
    beast::get_lowest_layer(*ws).expires_after(std::chrono::seconds(5));
    ws->set_option(websocket::stream_base::decorator([cookie, origin](websocket::request_type& request) {
      if (!cookie.empty()) request.set(beast::http::field::cookie, cookie);
      if (!origin.empty()) request.set(beast::http::field::origin, origin);
    }));
    ws->handshake("127.0.0.1:" + std::to_string(server_.port()), "/ws/v1/session");
    return ws;
  }

  static std::string Read(websocket::stream<beast::tcp_stream>& ws) {
    beast::flat_buffer buffer;
    ws.read(buffer);
    return beast::buffers_to_string(buffer.data());
  }

  int HandshakeStatus(const std::string& cookie, const std::string& origin) {
    try {
      Open(cookie, origin);
      return 101;
    } catch (const beast::system_error& error) {
      return error.code() == websocket::error::upgrade_declined ? 4 : -1;
    }
  }

  TestServer server_;
  boost::asio::io_context io_;
  ApiClient admin_ = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
};

TEST_F(SessionSocketTest, TheServerClosesTheSocketWhenTheSessionIsSignedOut) {
  auto console = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  auto ws = Open(console.cookie, "");
  EXPECT_NE(Read(*ws).find(R"("type":"session")"), std::string::npos);
  const auto signed_out_at = std::chrono::steady_clock::now();
  ASSERT_EQ(console.Post("/api/v1/auth/logout").status, 204);
  EXPECT_NE(Read(*ws).find("session_ended"), std::string::npos);
  const auto latency =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - signed_out_at);
  RecordProperty("close_latency_ms", static_cast<int>(latency.count()));
  beast::flat_buffer buffer;
  beast::error_code ec;
  ws->read(buffer, ec);
  EXPECT_EQ(ec, websocket::error::closed);
}

TEST_F(SessionSocketTest, RevokingTheSessionFromAnotherOneClosesItsSocket) {
  auto laptop = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  auto ws = Open(laptop.cookie, "");
  const auto hello = Read(*ws);
  const auto session_id = hello.substr(hello.find("ses_"), 30);
  ASSERT_EQ(admin_.Delete("/api/v1/users/me/sessions/" + session_id).status, 204);
  EXPECT_NE(Read(*ws).find("session_ended"), std::string::npos);
}

TEST_F(SessionSocketTest, StrangersAndForeignOriginsCannotConnect) {
  EXPECT_EQ(HandshakeStatus("", ""), 4);
  EXPECT_EQ(HandshakeStatus(admin_.cookie, "https://evil.example"), 4);
  EXPECT_EQ(HandshakeStatus(admin_.cookie, "http://127.0.0.1:" + std::to_string(server_.port())), 101);
}

}  // namespace
}  // namespace gpuaas::testing
