#pragma once

// Private to the net module: shared by http_server.cpp, http_session.cpp and websocket_session.cpp.

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "net/http_server.hpp"
#include "shared/log.hpp"

namespace gpuaas::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

enum class ConnectionState { kIdle, kBusy, kWebSocket };

// One accepted socket. `state` and `on_drain` are touched only on the connection's IO thread.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  ConnectionState state = ConnectionState::kBusy;
  std::function<void()> on_drain;  // set while a WebSocket runs: closes it with "going away"
  std::string remote_address;
};

class ConnectionRegistry {
 public:
  void Add(const std::shared_ptr<Connection>& connection);
  void Remove(const Connection* connection);
  [[nodiscard]] std::size_t size() const;
  void ForEach(const std::function<void(const std::shared_ptr<Connection>&)>& visit) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections_;
};

// What every session needs from the server.
struct ServerContext {
  HttpServerOptions options;
  const Router& router;
  const MiddlewareChain& chain;
  BlockingPool& pool;
  MetricsRegistry& metrics;
  std::atomic<bool> draining{false};
  ConnectionRegistry connections;
  log::Logger logger{"http.server"};
};

asio::awaitable<void> RunHttpSession(ServerContext& context, std::shared_ptr<Connection> connection);

// Takes over a connection whose upgrade request the chain accepted.
// Arguments by reference: they live in the calling coroutine's frame (see http_session.cpp).
asio::awaitable<void> RunWebSocketSession(ServerContext& context, const std::shared_ptr<Connection>& connection,
                                          const http::request<http::string_body>& upgrade,
                                          std::unique_ptr<WebSocketHandler>& handler);

}  // namespace gpuaas::net
