#include <boost/beast/websocket/rfc6455.hpp>

#include "net/middlewares/error_mapping_middleware.hpp"
#include "net/server_internals.hpp"

namespace gpuaas::net {
namespace {

constexpr std::size_t kReadChunk = 8192;
constexpr std::string_view kUnmatchedRoute = "unmatched";
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

using RawRequest = http::request<http::string_body>;

// Copies what handlers need out of Beast's message; nothing of Beast reaches them.
Request ToRequest(const http::request_header<>& header, std::string body, const Connection& connection) {
  Request request;
  request.method = ParseMethod(header.method_string());
  request.target = std::string(header.target());
  const auto query = request.target.find('?');
  request.path = request.target.substr(0, query);
  if (query != std::string::npos) request.query = request.target.substr(query + 1);
  for (const auto& field : header) request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  request.body = std::move(body);
  request.remote_address = connection.remote_address;
  return request;
}

// Framing that could let a request be read two ways by two servers is refused outright.
std::optional<Error> CheckFraming(const http::request_header<>& header) {
  const auto content_lengths = std::distance(header.equal_range(http::field::content_length).first,
                                             header.equal_range(http::field::content_length).second);
  const bool chunked = header.find(http::field::transfer_encoding) != header.end();
  if (content_lengths > 1) return Error::InvalidArgument("Content-Length", "duplicate Content-Length headers");
  if (chunked && content_lengths > 0) {
    return Error::InvalidArgument("Transfer-Encoding", "both Transfer-Encoding and Content-Length are present");
  }
  return std::nullopt;
}

Error ParseFailure(const boost::system::error_code& ec) {
  if (ec == http::error::body_limit) {
    return Error(ErrorCode::kPayloadTooLarge, "request body is larger than the server accepts");
  }
  if (ec == http::error::header_limit) {
    return Error::InvalidArgument("headers", "request headers are larger than the server accepts");
  }
  return Error::InvalidArgument("request", "malformed HTTP request: " + ec.message());
}

// The handler that stands in for a route when nothing matched or the request was refused.
Handler FailWith(Error error) {
  return [error = std::move(error)](Request&) -> Result<Response> { return error; };
}

// Why no route took the request; found routes never get here.
Error MatchFailure(const RouteMatch& match) {
  switch (match.kind) {
    case RouteMatch::Kind::kNotFound: return Error::NotFound("no such route");
    case RouteMatch::Kind::kBadPath: return Error::InvalidArgument("path", match.problem);
    case RouteMatch::Kind::kMethodNotAllowed:
      return Error(ErrorCode::kMethodNotAllowed, "method not allowed; allowed: " + match.allow)
          .WithDetail("allow", match.allow);
    case RouteMatch::Kind::kFound: break;
  }
  return Error::Internal("MatchFailure called for a matched route");
}

Response RunChain(ServerContext& context, Request& request, const Route* route, const Handler& terminal) {
  auto result = context.chain.Run(request, route, terminal);
  if (result) return std::move(result).value();
  return RenderError(result.error(), request.request_id);  // a chain without error mapping
}

// Runs `work` on the worker pool and resumes the coroutine with its response; completes
// with `false` at once when the pool's queue is full.
// `work` is taken by reference: GCC 12 destroys temporaries of a co_await expression twice,
// so callers pass a named job and the operation copies it.
template <typename CompletionToken>
auto AsyncRunOnPool(BlockingPool& pool, const std::function<Response()>& work, CompletionToken&& token) {
  return asio::async_initiate<CompletionToken, void(bool, Response)>(
      [&pool](auto handler, std::function<Response()> job) {
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        const bool queued = pool.TrySubmit([shared, job = std::move(job)] {
          auto response = job();
          auto executor = asio::get_associated_executor(*shared);
          asio::post(executor,
                     [shared, response = std::move(response)]() mutable { (*shared)(true, std::move(response)); });
        });
        if (!queued) {
          auto executor = asio::get_associated_executor(*shared);
          asio::post(executor, [shared]() mutable { (*shared)(false, Response{}); });
        }
      },
      token, work);
}

// Beast's message for a response; the body is moved out of `response`.
http::response<http::string_body> ToMessage(Response& response, unsigned version, bool keep_alive, bool head) {
  http::response<http::string_body> message{static_cast<http::status>(response.status), version};
  message.set(http::field::server, "gpuaas");
  if (!response.content_type.empty()) message.set(http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers.entries()) message.insert(name, value);
  message.keep_alive(keep_alive);
  const auto length = response.body.size();
  if (!head) message.body() = std::move(response.body);
  message.content_length(length);
  return message;
}

}  // namespace

asio::awaitable<void> RunHttpSession(ServerContext& context, std::shared_ptr<Connection> connection) {
  const auto& options = context.options;
  beast::flat_buffer buffer;
  for (;;) {
    // Waiting for the next request: this is the only state a drain may interrupt.
    connection->state = ConnectionState::kIdle;
    if (context.draining) break;
    if (buffer.size() == 0) {
      connection->stream.expires_after(options.idle_timeout);
      auto [ec, read] =
          co_await connection->stream.async_read_some(buffer.prepare(kReadChunk), asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      buffer.commit(read);
    }
    connection->state = ConnectionState::kBusy;

    // Parse what is already buffered and read only when the parser needs more: a request
    // that arrived whole (the usual case) costs one socket read and no further async steps.
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);
    parser.eager(true);
    connection->stream.expires_after(options.header_timeout);
    std::optional<Error> refusal;
    bool header_done = false;
    bool abandoned = false;  // the client went away or was too slow: close without an answer
    for (;;) {
      if (buffer.size() > 0) {
        beast::error_code parse_ec;
        const auto used = parser.put(buffer.data(), parse_ec);
        buffer.consume(used);
        if (parse_ec && parse_ec != http::error::need_more) {
          refusal = ParseFailure(parse_ec);
          break;
        }
        if (!header_done && parser.is_header_done()) {
          header_done = true;
          if (auto framing = CheckFraming(parser.get())) {
            refusal = std::move(framing);
            break;
          }
          connection->stream.expires_after(options.body_timeout);
          // A client that waits for permission before sending its body (curl does, past 1 KiB)
          // gets it at once instead of after its own timeout.
          if (!parser.is_done() && beast::iequals(parser.get()[http::field::expect], "100-continue")) {
            auto [continue_ec, continue_bytes] = co_await asio::async_write(connection->stream, asio::buffer(kContinue),
                                                                            asio::as_tuple(asio::use_awaitable));
            if (continue_ec) {
              abandoned = true;
              break;
            }
          }
        }
        if (parser.is_done()) break;
        if (used > 0 && buffer.size() > 0) continue;
      }
      auto [read_ec, read] =
          co_await connection->stream.async_read_some(buffer.prepare(kReadChunk), asio::as_tuple(asio::use_awaitable));
      if (read_ec) {
        abandoned = true;
        break;
      }
      buffer.commit(read);
    }
    if (abandoned) break;

    auto& raw = parser.get();
    const unsigned version = raw.version() == 0 ? 11 : raw.version();
    Request request = ToRequest(raw, refusal ? std::string() : std::move(raw.body()), *connection);
    const bool head = request.method == Method::kHead;

    Response response;
    bool keep = false;  // refusals and WebSocket-route errors close: the framing is not trusted
    if (refusal) {
      request.route_template = kUnmatchedRoute;
      response = RunChain(context, request, nullptr, FailWith(std::move(*refusal)));
    } else {
      auto match = context.router.Find(request.method, request.path);
      request.route_template = match.route != nullptr ? std::string_view(match.route->path) : kUnmatchedRoute;
      request.params = std::move(match.params);
      const Route* route = match.route;

      if (route != nullptr && route->websocket) {
        // The chain decides on the upgrade like on any request (request ID, logs, metrics, and
        // later authentication); its terminal accepts with 101.
        // A route's handler, when set, guards the upgrade (who may connect, from which
        // origin); the upgrade happens only when it succeeds.
        response = beast::websocket::is_upgrade(raw)
                       ? RunChain(context, request, route,
                                  [route](Request& upgrade_request) -> Result<Response> {
                                    if (route->handler) GPUAAS_RETURN_IF_ERROR(route->handler(upgrade_request));
                                    return Response{101, {}, {}, {}, false};
                                  })
                       : RunChain(context, request, route,
                                  FailWith(Error::InvalidArgument("Upgrade", "this endpoint speaks WebSocket only")));
        if (response.status == 101) {
          connection->state = ConnectionState::kWebSocket;
          auto upgrade = parser.release();
          auto socket_handler = route->websocket(request);
          co_await RunWebSocketSession(context, connection, upgrade, socket_handler);
          co_return;
        }
      } else {
        keep = raw.keep_alive();
        if (route != nullptr && route->execution == Execution::kBlocking) {
          auto shared_request = std::make_shared<Request>(std::move(request));
          const std::function<Response()> job = [&context, shared_request, route] {
            return RunChain(context, *shared_request, route, route->handler);
          };
          auto outcome = co_await AsyncRunOnPool(context.pool, job, asio::as_tuple(asio::use_awaitable));
          auto& [queued, pooled] = outcome;
          if (queued) {
            response = std::move(pooled);
          } else {
            context.metrics.RecordRejected();
            response = RunChain(context, *shared_request, route,
                                FailWith(Error::Unavailable("the server is busy; retry shortly")));
          }
        } else if (route != nullptr) {
          response = RunChain(context, request, route, route->handler);
        } else {
          response = RunChain(context, request, nullptr, FailWith(MatchFailure(match)));
        }
      }
    }

    keep = keep && !response.close_connection && !context.draining;
    auto message = ToMessage(response, version, keep, head);
    connection->stream.expires_after(options.write_timeout);
    auto [write_ec, written] =
        co_await http::async_write(connection->stream, message, asio::as_tuple(asio::use_awaitable));
    if (write_ec || !keep) break;
  }
  boost::system::error_code ignored;
  connection->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  connection->stream.close();
}

}  // namespace gpuaas::net
