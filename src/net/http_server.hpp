#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "net/blocking_pool.hpp"
#include "net/metrics_registry.hpp"
#include "net/middleware.hpp"
#include "net/router.hpp"
#include "shared/result.hpp"

namespace gpuaas::net {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  std::size_t io_threads = 2;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  // A kept-alive connection may wait this long for the first byte of its next request...
  std::chrono::milliseconds idle_timeout{60'000};
  // ...then must deliver the whole header in this time (a byte a second does not hold a slot),
  std::chrono::milliseconds header_timeout{10'000};
  // and the body in this time. Writes to a client that stops reading give up after write_timeout.
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds write_timeout{30'000};
  // On Stop(), requests in flight get this long to finish before connections are cut.
  std::chrono::milliseconds shutdown_grace{10'000};
  std::size_t websocket_queue_limit = 256;
  std::size_t websocket_max_message_bytes = 64 << 10;
};

// HTTP/1.1 + WebSocket server (Boost.Beast, C++20 coroutines). Parses and answers on the IO
// threads; routes marked Execution::kBlocking run on the BlockingPool. Everything Beast and
// Asio stays behind this interface so the rest of the code base compiles quickly.
class HttpServer {
 public:
  HttpServer(HttpServerOptions options, const Router& router, const MiddlewareChain& chain, BlockingPool& pool,
             MetricsRegistry& metrics);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; returns the port (useful with port 0).
  Result<std::uint16_t> Listen();
  // Starts the IO threads in the background.
  void Start();
  // Stops accepting, lets requests in flight finish (up to shutdown_grace), closes idle
  // and WebSocket connections. Safe from any thread and from a signal handler's callback.
  void Stop();
  // Blocks until the server has stopped.
  void Wait();
  // Stop() when SIGINT or SIGTERM arrives.
  void StopOnSignals();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace gpuaas::net
