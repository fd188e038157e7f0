#include "net/http_server.hpp"

#include <fcntl.h>

#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

#include "net/server_internals.hpp"

namespace gpuaas::net {

void ConnectionRegistry::Add(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  connections_[connection.get()] = connection;
}

void ConnectionRegistry::Remove(const Connection* connection) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection);
}

std::size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

void ConnectionRegistry::ForEach(const std::function<void(const std::shared_ptr<Connection>&)>& visit) const {
  std::vector<std::shared_ptr<Connection>> alive;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, weak] : connections_) {
      if (auto connection = weak.lock()) alive.push_back(std::move(connection));
    }
  }
  for (const auto& connection : alive) visit(connection);
}

// One io_context per IO thread: a connection lives on one thread for its whole life, so its
// handlers need no strand and no lock, and the threads never contend for one queue.
struct HttpServer::Impl {
  Impl(HttpServerOptions options, const Router& router, const MiddlewareChain& chain, BlockingPool& pool,
       MetricsRegistry& metrics)
      : context{std::move(options), router, chain, pool, metrics},
        ios(MakeContexts(context.options.io_threads)),
        acceptor(*ios.front()),
        drain_timer(*ios.front()) {
    // run() must not return while a request waits on the worker pool, so every context is
    // kept alive explicitly until the drain finishes.
    for (auto& io : ios) keep_running.push_back(asio::make_work_guard(*io));
  }

  static std::vector<std::unique_ptr<asio::io_context>> MakeContexts(std::size_t count) {
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    for (std::size_t i = 0; i < std::max<std::size_t>(count, 1); ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(1));
    }
    return contexts;
  }

  asio::io_context& main() { return *ios.front(); }
  asio::awaitable<void> AcceptLoop();
  void BeginDrain();
  void CheckDrained(std::chrono::steady_clock::time_point deadline);

  ServerContext context;
  std::vector<std::unique_ptr<asio::io_context>> ios;
  tcp::acceptor acceptor;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  asio::steady_timer drain_timer;
  std::optional<asio::signal_set> signals;
  std::vector<std::jthread> threads;
};

asio::awaitable<void> HttpServer::Impl::AcceptLoop() {
  std::size_t next = 0;
  for (;;) {
    // Connections are spread over the IO threads in turn. The executor is a named local, not
    // a temporary: GCC 12 may destroy temporaries of a co_await expression twice.
    const auto executor = ios[next++ % ios.size()]->get_executor();
    auto [ec, socket] = co_await acceptor.async_accept(executor, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (context.draining || ec == asio::error::operation_aborted) co_return;
      context.logger.Warn("accept_failed", {{"error", ec.message()}});
      // Out of descriptors and the like: pause rather than spin.
      asio::steady_timer pause(main(), std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto connection = std::make_shared<Connection>(std::move(socket));
    const auto endpoint = connection->stream.socket().remote_endpoint(ignored);
    connection->remote_address = endpoint.address().to_string();
    context.connections.Add(connection);
    asio::co_spawn(connection->stream.get_executor(), RunHttpSession(context, connection),
                   [this, raw = connection.get()](const std::exception_ptr& error) {
                     context.connections.Remove(raw);
                     if (error) context.logger.Error("session_threw");
                   });
  }
}

void HttpServer::Impl::BeginDrain() {
  if (context.draining.exchange(true)) return;
  context.logger.Info("draining", {{"connections", static_cast<std::int64_t>(context.connections.size())}});
  boost::system::error_code ignored;
  acceptor.close(ignored);
  if (signals) signals->cancel(ignored);
  context.connections.ForEach([](const std::shared_ptr<Connection>& connection) {
    asio::post(connection->stream.get_executor(), [connection] {
      if (connection->state == ConnectionState::kIdle) connection->stream.cancel();
      if (connection->state == ConnectionState::kWebSocket && connection->on_drain) connection->on_drain();
    });
  });
  CheckDrained(std::chrono::steady_clock::now() + context.options.shutdown_grace);
}

void HttpServer::Impl::CheckDrained(std::chrono::steady_clock::time_point deadline) {
  if (context.connections.size() == 0 || std::chrono::steady_clock::now() >= deadline) {
    context.connections.ForEach([](const std::shared_ptr<Connection>& connection) {
      asio::post(connection->stream.get_executor(), [connection] { connection->stream.close(); });
    });
    context.logger.Info("stopped", {{"cut_connections", static_cast<std::int64_t>(context.connections.size())}});
    keep_running.clear();
    for (auto& io : ios) io->stop();
    return;
  }
  drain_timer.expires_after(std::chrono::milliseconds(20));
  drain_timer.async_wait([this, deadline](const boost::system::error_code&) { CheckDrained(deadline); });
}

HttpServer::HttpServer(HttpServerOptions options, const Router& router, const MiddlewareChain& chain,
                       BlockingPool& pool, MetricsRegistry& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, chain, pool, metrics)) {}

HttpServer::~HttpServer() {
  Stop();
  Wait();
}

Result<std::uint16_t> HttpServer::Listen() {
  auto& options = impl_->context.options;
  boost::system::error_code ec;
  tcp::resolver resolver(impl_->main());
  const auto endpoints = resolver.resolve(options.host, std::to_string(options.port), ec);
  if (ec || endpoints.empty()) {
    return Error::InvalidArgument("listen", "cannot resolve host '" + options.host + "': " + ec.message());
  }
  const tcp::endpoint endpoint = *endpoints.begin();
  auto& acceptor = impl_->acceptor;
  if (acceptor.open(endpoint.protocol(), ec); ec) return Error::Unavailable("cannot open socket: " + ec.message());
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  // A process started from this one (a test spawning agents) must not inherit the listener:
  // it would keep the port bound after the server stops.
  ::fcntl(acceptor.native_handle(), F_SETFD, FD_CLOEXEC);
  if (acceptor.bind(endpoint, ec); ec) {
    return Error(ErrorCode::kUnavailable,
                 "cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " + ec.message());
  }
  if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) {
    return Error::Unavailable("cannot listen: " + ec.message());
  }
  return acceptor.local_endpoint().port();
}

void HttpServer::Start() {
  asio::co_spawn(impl_->main(), impl_->AcceptLoop(), asio::detached);
  for (auto& io : impl_->ios) {
    impl_->threads.emplace_back([context = io.get()] { context->run(); });
  }
}

void HttpServer::Stop() {
  asio::post(impl_->main(), [impl = impl_.get()] { impl->BeginDrain(); });
}

void HttpServer::Wait() { impl_->threads.clear(); }

void HttpServer::StopOnSignals() {
  impl_->signals.emplace(impl_->main(), SIGINT, SIGTERM);
  impl_->signals->async_wait([impl = impl_.get()](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    impl->context.logger.Info("signal", {{"signal", signal}});
    impl->BeginDrain();
  });
}

}  // namespace gpuaas::net
