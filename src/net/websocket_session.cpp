#include <boost/beast/websocket.hpp>

#include <deque>

#include "net/server_internals.hpp"

namespace gpuaas::net {
namespace {

namespace websocket = beast::websocket;

// The state one WebSocket connection shares between its reader, its writer and Send()
// callers on other threads. Socket operations happen only on the connection's IO thread.
class WebSocketState final : public WebSocketChannel, public std::enable_shared_from_this<WebSocketState> {
 public:
  WebSocketState(beast::tcp_stream& stream, std::size_t queue_limit)
      : ws(stream), wake(stream.get_executor()), queue_limit_(queue_limit) {
    wake.expires_at(asio::steady_timer::time_point::max());
  }

  bool Send(std::string text) override {
    {
      std::lock_guard lock(mutex_);
      if (closing_) return false;
      if (outgoing_.size() >= queue_limit_) {
        closing_ = true;
        close_code_ = websocket::close_code::policy_error;
      } else {
        outgoing_.push_back(std::move(text));
      }
    }
    asio::post(ws.get_executor(), [self = shared_from_this()] { self->wake.cancel(); });
    return !IsClosing();
  }

  void Close() override { CloseWith(websocket::close_code::normal); }

  void CloseWith(websocket::close_code code) {
    {
      std::lock_guard lock(mutex_);
      if (closing_) return;
      closing_ = true;
      close_code_ = code;
    }
    asio::post(ws.get_executor(), [self = shared_from_this()] { self->wake.cancel(); });
  }

  bool IsClosing() {
    std::lock_guard lock(mutex_);
    return closing_;
  }

  // Drains the queue to the socket; on close, sends the close frame, which ends the reader.
  static asio::awaitable<void> WriteLoop(std::shared_ptr<WebSocketState> self,
                                         std::shared_ptr<Connection> /*kept alive for the frame*/) {
    co_await self->Drain();
  }

  asio::awaitable<void> Drain() {
    for (;;) {
      std::optional<std::string> next;
      bool closing = false;
      {
        std::lock_guard lock(mutex_);
        if (!outgoing_.empty()) {
          next = std::move(outgoing_.front());
          outgoing_.pop_front();
        }
        closing = closing_;
      }
      if (next) {
        ws.text(true);
        auto [ec, n] = co_await ws.async_write(asio::buffer(*next), asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        continue;
      }
      if (closing) {
        co_await ws.async_close(close_code_, asio::as_tuple(asio::use_awaitable));
        co_return;
      }
      wake.expires_at(asio::steady_timer::time_point::max());
      co_await wake.async_wait(asio::as_tuple(asio::use_awaitable));
      if (reader_done_) co_return;
    }
  }

  websocket::stream<beast::tcp_stream&> ws;
  asio::steady_timer wake;
  bool reader_done_ = false;  // strand only

 private:
  std::mutex mutex_;
  std::deque<std::string> outgoing_;
  bool closing_ = false;
  websocket::close_code close_code_ = websocket::close_code::normal;
  const std::size_t queue_limit_;
};

}  // namespace

asio::awaitable<void> RunWebSocketSession(ServerContext& context, const std::shared_ptr<Connection>& connection,
                                          const http::request<http::string_body>& upgrade,
                                          std::unique_ptr<WebSocketHandler>& handler) {
  connection->stream.expires_never();  // the WebSocket stream keeps its own timeouts
  auto state = std::make_shared<WebSocketState>(connection->stream, context.options.websocket_queue_limit);
  state->ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  // Clients that offer subprotocols (browsers sending a bearer token as "bearer.<token>")
  // must get one back: the server speaks "gpuaas.v1".
  const auto offered = upgrade[http::field::sec_websocket_protocol];
  const bool speaks_v1 = offered.find("gpuaas.v1") != beast::string_view::npos;
  state->ws.set_option(websocket::stream_base::decorator([speaks_v1](websocket::response_type& response) {
    response.set(http::field::server, "gpuaas");
    if (speaks_v1) response.set(http::field::sec_websocket_protocol, "gpuaas.v1");
  }));
  state->ws.read_message_max(context.options.websocket_max_message_bytes);
  auto [accept_ec] = co_await state->ws.async_accept(upgrade, asio::as_tuple(asio::use_awaitable));
  if (accept_ec) co_return;

  connection->on_drain = [weak = std::weak_ptr<WebSocketState>(state)] {
    if (auto live = weak.lock()) live->CloseWith(websocket::close_code::going_away);
  };
  asio::co_spawn(connection->stream.get_executor(), WebSocketState::WriteLoop(state, connection), asio::detached);
  handler->OnOpen(*state);

  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await state->ws.async_read(buffer, asio::as_tuple(asio::use_awaitable));
    if (ec) break;
    if (state->ws.got_text()) {
      const auto data = buffer.cdata();
      handler->OnMessage(*state, std::string_view(static_cast<const char*>(data.data()), data.size()));
    }
    buffer.consume(buffer.size());
  }
  handler->OnClose();
  state->reader_done_ = true;
  state->wake.cancel();
  connection->on_drain = nullptr;
  // Let the writer finish its close frame before the socket goes.
  asio::steady_timer settle(connection->stream.get_executor(), std::chrono::milliseconds(1));
  co_await settle.async_wait(asio::as_tuple(asio::use_awaitable));
  connection->stream.close();
}

}  // namespace gpuaas::net
