#include "agent/transport/websocket_client.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "agent/transport/tls_support.hpp"
#include "shared/build_info.hpp"

namespace gpuaas::agent::transport {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

constexpr std::size_t kMaxFrameBytes = 4 << 20;
constexpr std::size_t kMaxQueuedFrames = 256;  // the agent sends a few frames per interval; more means a stuck peer
constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr auto kCloseWait = std::chrono::seconds(3);

// Beast runs on one I/O thread; the session thread meets it only at the inbox and the closed flag,
// both under `mutex_`. Everything else (stream, buffers, outbox) is touched by the I/O thread alone.
class WebSocketConnection final : public FrameConnection {
 public:
  WebSocketConnection() : work_(asio::make_work_guard(io_)), ws_(io_), resolver_(io_) {
    thread_ = std::thread([this] { io_.run(); });
  }
  ~WebSocketConnection() override {
    Close();
    work_.reset();
    io_.stop();
    thread_.join();
  }

  Status Connect(const ServerEndpoint& endpoint, std::string_view target, std::chrono::seconds timeout) {
    asio::post(io_, [this, endpoint, target = std::string(target), timeout] { Resolve(endpoint, target, timeout); });
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout + std::chrono::seconds(1), [&] { return open_ || closed_; });
    if (open_) return Ok();
    return closed_ ? *closed_ : Error::Unavailable("timed out connecting to " + StreamUrl(endpoint));
  }

  Status Send(std::string text) override {
    if (std::lock_guard lock(mutex_); closed_) return *closed_;
    asio::post(io_, [this, text = std::move(text)]() mutable {
      if (outbox_.size() >= kMaxQueuedFrames) return Fail("the server is not reading the stream");
      outbox_.push_back(std::move(text));
      if (outbox_.size() == 1) WriteNext();
    });
    return Ok();
  }

  Result<std::optional<std::string>> Receive(std::chrono::milliseconds timeout) override {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return !inbox_.empty() || closed_; });
    if (!inbox_.empty()) {
      auto text = std::move(inbox_.front());
      inbox_.pop_front();
      return std::optional<std::string>(std::move(text));
    }
    if (closed_) return *closed_;
    return std::optional<std::string>();
  }

  void Close() override {
    asio::post(io_, [this] {
      closing_ = true;
      if (outbox_.empty()) CloseNow();
    });
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, kCloseWait, [&] { return closed_.has_value(); });
  }

 private:
  void Resolve(const ServerEndpoint& endpoint, const std::string& target, std::chrono::seconds timeout) {
    beast::get_lowest_layer(ws_).expires_after(timeout);
    resolver_.async_resolve(endpoint.host, endpoint.port, [=, this](beast::error_code error, auto hosts) {
      if (error) return Fail("could not resolve " + endpoint.host + ": " + error.message());
      beast::get_lowest_layer(ws_).async_connect(hosts, [=, this](beast::error_code error, const tcp::endpoint&) {
        if (error) return Fail("could not connect to " + StreamUrl(endpoint) + ": " + error.message());
        beast::get_lowest_layer(ws_).expires_never();  // from here the websocket's own timeouts apply
        websocket::stream_base::timeout options{timeout, kIdleTimeout, true};
        ws_.set_option(options);
        ws_.set_option(websocket::stream_base::decorator([](websocket::request_type& request) {
          request.set(beast::http::field::user_agent, "gpuaas-agent/" + VersionString());
        }));
        ws_.read_message_max(kMaxFrameBytes);
        ws_.text(true);
        ws_.async_handshake(endpoint.host_header, target, [=, this](beast::error_code error) {
          if (error) return Fail("the upgrade at " + StreamUrl(endpoint) + " failed: " + error.message());
          SetOpen();
          ReadNext();
        });
      });
    });
  }

  void ReadNext() {
    ws_.async_read(buffer_, [this](beast::error_code error, std::size_t) {
      if (error == websocket::error::closed) {
        const auto& reason = ws_.reason();
        return Fail("the server closed the stream (" + std::to_string(reason.code) +
                    (reason.reason.empty() ? "" : ": " + std::string(reason.reason.c_str())) + ")");
      }
      if (error) return Fail("the stream broke: " + error.message());
      {
        std::lock_guard lock(mutex_);
        inbox_.push_back(beast::buffers_to_string(buffer_.data()));
      }
      changed_.notify_all();
      buffer_.consume(buffer_.size());
      ReadNext();
    });
  }

  void WriteNext() {
    ws_.async_write(asio::buffer(outbox_.front()), [this](beast::error_code error, std::size_t) {
      if (error) return Fail("could not send on the stream: " + error.message());
      outbox_.pop_front();
      if (!outbox_.empty()) return WriteNext();
      if (closing_) CloseNow();
    });
  }

  void CloseNow() {
    if (!ws_.is_open()) return Fail("the stream is closed");
    ws_.async_close(websocket::close_code::normal, [this](beast::error_code) { Fail("the agent closed the stream"); });
  }

  void SetOpen() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

  // The first reason wins: it is the cause; what follows is the teardown it started.
  void Fail(std::string reason) {
    std::lock_guard lock(mutex_);
    if (!closed_) closed_ = Error::Unavailable(std::move(reason));
    changed_.notify_all();
  }

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  websocket::stream<beast::tcp_stream> ws_;
  tcp::resolver resolver_;
  beast::flat_buffer buffer_;
  std::deque<std::string> outbox_;
  bool closing_ = false;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> inbox_;
  std::optional<Error> closed_;
  bool open_ = false;
  std::thread thread_;
};

}  // namespace

Result<std::unique_ptr<FrameConnection>> ConnectWebSocket(const ServerEndpoint& endpoint, std::string_view target,
                                                          std::chrono::seconds timeout) {
  GPUAAS_RETURN_IF_ERROR(RequirePlainTransport(endpoint));
  auto connection = std::make_unique<WebSocketConnection>();
  GPUAAS_RETURN_IF_ERROR(connection->Connect(endpoint, target, timeout));
  return std::unique_ptr<FrameConnection>(std::move(connection));
}

}  // namespace gpuaas::agent::transport
