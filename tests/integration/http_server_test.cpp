// The HTTP server itself with routes made for the test: worker-pool saturation, graceful
// drain of requests in flight, and WebSocket sessions.
#include "net/http_server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <future>
#include <thread>

#include "net/middlewares/error_mapping_middleware.hpp"
#include "tests/support/raw_http_client.hpp"

namespace gpuaas::net {
namespace {

using testing::RawHttpClient;

// A handler that blocks until the test releases it.
struct Gate {
  std::promise<void> entered;
  std::shared_future<void> released;
};

class EchoSocket final : public WebSocketHandler {
 public:
  void OnOpen(WebSocketChannel& channel) override { channel.Send("hello"); }
  void OnMessage(WebSocketChannel& channel, std::string_view text) override {
    if (text == "flood") {
      for (int i = 0; i < 10000; ++i) {
        if (!channel.Send(std::string(1024, 'x'))) return;
      }
      return;
    }
    channel.Send("echo:" + std::string(text));
  }
};

class HttpServerTest : public ::testing::Test {
 protected:
  void Start(std::size_t workers, std::size_t queue) {
    chain_.Append(std::make_unique<ErrorMappingMiddleware>());
    ASSERT_TRUE(router_
                    .Add(Route{Method::kGet, "/slow",
                               [this](Request&) -> Result<Response> {
                                 gate_.entered.set_value();
                                 gate_.released.wait();
                                 return Response::Text(200, "finished");
                               }})
                    .ok());
    ASSERT_TRUE(
        router_
            .Add(Route{Method::kGet, "/fast", [](Request&) -> Result<Response> { return Response::Text(200, "fast"); }})
            .ok());
    ASSERT_TRUE(router_
                    .Add(Route{Method::kGet, "/ws", nullptr, Execution::kInline, BodyPolicy::kNone,
                               [](const Request&) { return std::make_unique<EchoSocket>(); }})
                    .ok());
    pool_ = std::make_unique<BlockingPool>(workers, queue);
    HttpServerOptions options;
    options.port = 0;
    options.shutdown_grace = std::chrono::seconds(5);
    options.websocket_queue_limit = 16;
    server_ = std::make_unique<HttpServer>(options, router_, chain_, *pool_, metrics_);
    auto port = server_->Listen();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    server_->Start();
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      server_->Wait();
    }
  }

  std::promise<void> release_;  // before gate_, which is built from it
  Gate gate_{{}, release_.get_future().share()};
  Router router_;
  MiddlewareChain chain_;
  MetricsRegistry metrics_;
  std::unique_ptr<BlockingPool> pool_;
  std::unique_ptr<HttpServer> server_;
  std::uint16_t port_ = 0;
};

TEST_F(HttpServerTest, AnswersServiceUnavailableWithRetryAfterWhenTheQueueIsFull) {
  Start(/*workers=*/1, /*queue=*/1);
  RawHttpClient busy(port_);
  ASSERT_TRUE(busy.SendRaw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
  gate_.entered.get_future().wait();  // the only worker is now held
  RawHttpClient queued(port_);
  ASSERT_TRUE(queued.SendRaw("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n"));
  // Wait until the second request occupies the queue's only slot.
  for (int i = 0; i < 200 && pool_->queue_depth() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(pool_->queue_depth(), 1u);

  RawHttpClient refused(port_);
  const auto reply = refused.Get("/fast");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 503);
  EXPECT_EQ(reply->Header("retry-after"), "1");
  EXPECT_NE(reply->body.find("\"unavailable\""), std::string::npos);
  EXPECT_NE(metrics_.Render().find("gpuaas_http_requests_rejected_total 1"), std::string::npos);

  release_.set_value();
  EXPECT_EQ(busy.ReadReply()->body, "finished");
  EXPECT_EQ(queued.ReadReply()->body, "fast");
}

TEST_F(HttpServerTest, StopLetsRequestsInFlightFinishAndClosesIdleConnections) {
  Start(2, 10);
  RawHttpClient idle(port_);
  ASSERT_EQ(idle.Get("/fast")->status, 200);  // now idle, kept alive
  RawHttpClient in_flight(port_);
  ASSERT_TRUE(in_flight.SendRaw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
  gate_.entered.get_future().wait();

  server_->Stop();
  EXPECT_TRUE(idle.WaitClosed(std::chrono::seconds(2)));
  release_.set_value();
  const auto reply = in_flight.ReadReply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "finished");
  EXPECT_EQ(reply->Header("connection"), "close");
  server_->Wait();
  EXPECT_THROW(RawHttpClient refused(port_), std::runtime_error);  // no longer listening
}

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

std::unique_ptr<websocket::stream<tcp::socket>> ConnectSocket(boost::asio::io_context& io, std::uint16_t port,
                                                              const std::string& path) {
  auto ws = std::make_unique<websocket::stream<tcp::socket>>(io);
  ws->next_layer().connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  ws->handshake("127.0.0.1", path);
  return ws;
}

std::string ReadText(websocket::stream<tcp::socket>& ws) {
  beast::flat_buffer buffer;
  ws.read(buffer);
  return beast::buffers_to_string(buffer.data());
}

TEST_F(HttpServerTest, WebSocketSessionsExchangeMessages) {
  Start(2, 10);
  boost::asio::io_context io;
  auto ws = ConnectSocket(io, port_, "/ws");
  EXPECT_EQ(ReadText(*ws), "hello");
  ws->write(boost::asio::buffer(std::string("ping-1")));
  EXPECT_EQ(ReadText(*ws), "echo:ping-1");
  ws->close(websocket::close_code::normal);
}

TEST_F(HttpServerTest, AWebSocketRouteRefusesPlainRequests) {
  Start(2, 10);
  RawHttpClient client(port_);
  const auto reply = client.Get("/ws");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
}

TEST_F(HttpServerTest, ASlowWebSocketReaderIsCutOffNotBuffered) {
  Start(2, 10);
  boost::asio::io_context io;
  auto ws = ConnectSocket(io, port_, "/ws");
  EXPECT_EQ(ReadText(*ws), "hello");
  ws->write(boost::asio::buffer(std::string("flood")));
  // The server queues at most 16 frames for us; it must close rather than hold 10000.
  int frames = 0;
  beast::error_code ec;
  for (;;) {
    beast::flat_buffer buffer;
    ws->read(buffer, ec);
    if (ec) break;
    ++frames;
  }
  EXPECT_LT(frames, 10000);
  EXPECT_EQ(ec, websocket::error::closed);
  EXPECT_EQ(ws->reason().code, websocket::close_code::policy_error);
}

TEST_F(HttpServerTest, StopClosesWebSocketsWithGoingAway) {
  Start(2, 10);
  boost::asio::io_context io;
  auto ws = ConnectSocket(io, port_, "/ws");
  EXPECT_EQ(ReadText(*ws), "hello");
  server_->Stop();
  beast::flat_buffer buffer;
  beast::error_code ec;
  ws->read(buffer, ec);
  EXPECT_EQ(ec, websocket::error::closed);
  EXPECT_EQ(ws->reason().code, websocket::close_code::going_away);
}

}  // namespace
}  // namespace gpuaas::net
