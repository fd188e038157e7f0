#include "agent/transport/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <optional>

#include "agent/transport/tls_support.hpp"
#include "shared/build_info.hpp"

namespace gpuaas::agent::transport {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

constexpr std::uint64_t kMaxResponseBytes = 1 << 20;  // a certificate pair and an envelope; far below this

Error TransportError(const ServerEndpoint& endpoint, std::string_view step, const beast::error_code& error) {
  return Error::Unavailable("could not reach the server at " + endpoint.host_header + " (" + std::string(step) + ": " +
                            error.message() + ")");
}

http::request<http::string_body> NewRequest(const ServerEndpoint& endpoint, http::verb verb, std::string_view target) {
  http::request<http::string_body> request{verb, std::string(target), 11};
  request.set(http::field::host, endpoint.host_header);
  request.set(http::field::user_agent, "gpuaas-agent/" + VersionString());
  return request;
}

Result<HttpResponse> Exchange(const ServerEndpoint& endpoint, http::request<http::string_body>& request,
                              std::chrono::seconds timeout, std::uint64_t max_body_bytes) {
  GPUAAS_RETURN_IF_ERROR(RequirePlainTransport(endpoint));
  boost::asio::io_context io;
  beast::tcp_stream stream(io);

  // Every step is asynchronous under one deadline, so a server that accepts and then stalls cannot
  // hang enrollment: the stream's expiry cancels whichever step is pending.
  beast::error_code failure;
  std::string_view failed_step;
  const auto fail = [&](std::string_view step, const beast::error_code& error) {
    failed_step = step;
    failure = error;
  };
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(max_body_bytes);
  tcp::resolver resolver(io);
  stream.expires_after(timeout);
  resolver.async_resolve(endpoint.host, endpoint.port, [&](beast::error_code error, tcp::resolver::results_type hosts) {
    if (error) return fail("resolve", error);
    stream.async_connect(hosts, [&](beast::error_code error, const tcp::endpoint&) {
      if (error) return fail("connect", error);
      http::async_write(stream, request, [&](beast::error_code error, std::size_t) {
        if (error) return fail("send", error);
        http::async_read(stream, buffer, parser, [&](beast::error_code error, std::size_t) {
          if (error) return fail("read", error);
        });
      });
    });
  });
  io.run_for(timeout + std::chrono::seconds(1));  // the expiry above fires first; this only bounds resolve
  if (failure) return TransportError(endpoint, failed_step, failure);
  if (!parser.is_done()) return TransportError(endpoint, "timeout", beast::error::timeout);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return HttpResponse{.status = static_cast<int>(parser.get().result_int()), .body = std::move(parser.get().body())};
}

}  // namespace

Result<HttpResponse> PostJson(const ServerEndpoint& endpoint, std::string_view target, std::string body,
                              std::chrono::seconds timeout) {
  auto request = NewRequest(endpoint, http::verb::post, target);
  request.set(http::field::content_type, "application/json");
  request.body() = std::move(body);
  request.prepare_payload();
  return Exchange(endpoint, request, timeout, kMaxResponseBytes);
}

Result<HttpResponse> Get(const ServerEndpoint& endpoint, std::string_view target, std::chrono::seconds timeout,
                         std::uint64_t max_body_bytes) {
  auto request = NewRequest(endpoint, http::verb::get, target);
  request.prepare_payload();
  return Exchange(endpoint, request, timeout, max_body_bytes);
}

}  // namespace gpuaas::agent::transport
