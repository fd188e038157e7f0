// /ws/notifications: live delivery of the inbox over a real WebSocket, opened with a bearer
// token sent as a subprotocol, and a resume cursor that makes a reconnecting client miss
// nothing. Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

#include "tests/support/api_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = boost::asio::ip::tcp;

class NotificationSocketTest : public ::testing::Test {
 protected:
  using Socket = websocket::stream<beast::tcp_stream>;

  // Opens the socket the way a browser with a token does; `selected` gets the subprotocol
  // the server chose.
  std::unique_ptr<Socket> Open(const std::string& query, std::string* selected = nullptr) {
    auto ws = std::make_unique<Socket>(io_);
    beast::get_lowest_layer(*ws).connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server_.port()));
    beast::get_lowest_layer(*ws).expires_after(std::chrono::seconds(10));
    ws->set_option(websocket::stream_base::decorator([this](websocket::request_type& request) {
      request.set(beast::http::field::sec_websocket_protocol, "gpuaas.v1, bearer." + token_);
    }));
    websocket::response_type response;
    ws->handshake(response, "127.0.0.1:" + std::to_string(server_.port()), "/ws/notifications" + query);
    if (selected != nullptr) *selected = std::string(response[beast::http::field::sec_websocket_protocol]);
    return ws;
  }

  static json::object Read(Socket& ws) {
    beast::flat_buffer buffer;
    ws.read(buffer);
    return json::parse(beast::buffers_to_string(buffer.data())).as_object();
  }

  std::string StartSelftest() {
    const auto reply = admin_.Post("/api/v1/operations",
                                   R"({"kind":"platform.selftest","target":{"type":"platform","id":"platform"}})");
    EXPECT_EQ(reply.status, 202) << reply.body;
    return reply.Str("id");
  }

  TestServer server_{TestServer::Settings{{"worker_poll_ms", "20"}, {"notification_poll_ms", "50"}}};
  boost::asio::io_context io_;
  ApiClient admin_ = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  std::string token_ = admin_.CreateToken("live");
};

TEST_F(NotificationSocketTest, ANotificationArrivesLiveAndAReconnectResumesAfterTheCursor) {
  std::string selected;
  auto ws = Open("", &selected);
  EXPECT_EQ(selected, "gpuaas.v1");
  EXPECT_EQ(Read(*ws).at("type").as_string(), "synced");

  const auto first = StartSelftest();
  const auto live = Read(*ws);
  ASSERT_EQ(live.at("type").as_string(), "notification") << json::serialize(live);
  EXPECT_EQ(live.at("notification").at("link").as_string(), "/operations/" + first);
  EXPECT_EQ(live.at("notification").at("title").as_string(), "Run a runner self-test succeeded");
  const auto cursor = live.at("seq").as_int64();
  ws->close(websocket::close_code::normal);

  // Two more while disconnected.
  const auto second = StartSelftest();
  const auto third = StartSelftest();
  for (int i = 0; i < 500; ++i) {
    if (admin_.Get("/api/v1/notifications?unread=true").json.at("unread_count").as_int64() >= 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  auto resumed = Open("?after=" + std::to_string(cursor));
  std::vector<std::string> links;
  int frames = 0;
  for (;;) {
    const auto message = Read(*resumed);
    if (message.at("type").as_string() == "synced") break;
    ++frames;
    EXPECT_GT(message.at("seq").as_int64(), cursor);
    if (message.at("type").as_string() == "notifications") {
      for (const auto& item : message.at("items").as_array()) links.emplace_back(item.at("link").as_string());
    } else {
      links.emplace_back(message.at("notification").at("link").as_string());
    }
  }
  EXPECT_EQ(frames, 1);  // a catch-up travels in as few frames as it can
  // In the order the two operations finished, which two workers may swap.
  std::sort(links.begin(), links.end());
  std::vector<std::string> expected{"/operations/" + second, "/operations/" + third};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(links, expected);
}

TEST_F(NotificationSocketTest, AResumeFarBehindArrivesWholeWithoutOverflowingTheConnection) {
  // More than a connection's send queue holds (256 frames) if each went in a frame of its own.
  constexpr int kMissed = 300;
  for (int i = 0; i < kMissed; ++i) StartSelftest();
  for (int i = 0; i < 1500; ++i) {
    if (admin_.Get("/api/v1/notifications?unread=true").json.at("unread_count").as_int64() >= kMissed) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  auto ws = Open("?after=0");
  std::int64_t received = 0;
  std::int64_t last_seq = 0;
  for (;;) {
    const auto message = Read(*ws);
    if (message.at("type").as_string() == "synced") break;
    const auto& items = message.at("type").as_string() == "notifications" ? message.at("items").as_array()
                                                                          : json::array{message.at("notification")};
    for (const auto& item : items) {
      EXPECT_GT(item.at("seq").as_int64(), last_seq);  // in order, no repeats
      last_seq = item.at("seq").as_int64();
      ++received;
    }
  }
  EXPECT_EQ(received, kMissed);
}

TEST_F(NotificationSocketTest, StrangersAndBadCursorsAreRefused) {
  const auto refused = [this](const std::string& protocol, const std::string& query) {
    Socket ws(io_);
    beast::get_lowest_layer(ws).connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server_.port()));
    ws.set_option(websocket::stream_base::decorator([protocol](websocket::request_type& request) {
      if (!protocol.empty()) request.set(beast::http::field::sec_websocket_protocol, protocol);
    }));
    try {
      ws.handshake("127.0.0.1:" + std::to_string(server_.port()), "/ws/notifications" + query);
      return false;
    } catch (const beast::system_error&) {
      return true;
    }
  };
  EXPECT_TRUE(refused("", ""));
  EXPECT_TRUE(refused("gpuaas.v1, bearer.gpuaas_pat_not-a-real-token", ""));
  EXPECT_TRUE(refused("gpuaas.v1, bearer." + token_, "?after=minus-one"));
  EXPECT_FALSE(refused("gpuaas.v1, bearer." + token_, "?after=0"));
}

}  // namespace
}  // namespace gpuaas::testing
