// Creates operations as fast as it can: C keep-alive connections spread over one or more
// servers, each POSTing one request after the other until N have been sent. One thread, one
// io_context. Prints one JSON object with what came back.
//   gpuaas_operations_load --target 127.0.0.1:8080 [--target HOST:PORT ...] --token TOKEN
//                          [--count 5000] [--connections 32] [--path /api/v1/operations] [--body JSON]
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Target {
  std::string host_header;
  tcp::endpoint endpoint;
};

struct Options {
  std::vector<Target> targets;
  std::string token;
  int count = 5000;
  int connections = 32;
  std::string path = "/api/v1/operations";
  std::string body =
      R"({"kind":"platform.selftest","target":{"type":"platform","id":"platform"},"params":{"steps":1}})";
};

struct Stats {
  int next = 0;  // requests handed out
  int accepted = 0;
  std::map<int, int> statuses;
  std::map<std::string, int> errors;
  std::string sample_refusal;
};

[[noreturn]] void Usage(const std::string& why) {
  std::cerr << "gpuaas_operations_load: " << why
            << "\nusage: gpuaas_operations_load --target HOST:PORT [--target ...] --token TOKEN [--count N] "
               "[--connections C] [--path PATH] [--body JSON]\n";
  std::exit(2);
}

Target ParseTarget(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) Usage("--target must be HOST:PORT");
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(text.substr(0, colon), ec);
  if (ec) Usage("--target host must be an IP address");
  return Target{text, tcp::endpoint(address, static_cast<unsigned short>(std::stoi(text.substr(colon + 1))))};
}

Options ParseArgs(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) Usage("missing value for " + arg);
    const std::string value = argv[++i];
    if (arg == "--target") {
      options.targets.push_back(ParseTarget(value));
    } else if (arg == "--token") {
      options.token = value;
    } else if (arg == "--count") {
      options.count = std::stoi(value);
    } else if (arg == "--connections") {
      options.connections = std::stoi(value);
    } else if (arg == "--path") {
      options.path = value;
    } else if (arg == "--body") {
      options.body = value;
    } else {
      Usage("unknown argument " + arg);
    }
  }
  if (options.targets.empty() || options.token.empty()) Usage("--target and --token are required");
  if (options.count < 1 || options.connections < 1) Usage("--count and --connections must be positive");
  return options;
}

asio::awaitable<void> Worker(const Options& options, const Target& target, Stats& stats) {
  const auto executor = co_await asio::this_coro::executor;
  beast::tcp_stream stream(executor);
  http::request<http::string_body> request{http::verb::post, options.path, 11};
  request.set(http::field::host, target.host_header);
  request.set(http::field::authorization, "Bearer " + options.token);
  request.set(http::field::content_type, "application/json");
  request.keep_alive(true);
  request.body() = options.body;
  request.prepare_payload();
  beast::flat_buffer buffer;
  bool connected = false;
  while (stats.next < options.count) {
    ++stats.next;
    if (!connected) {
      auto [ec] = co_await stream.async_connect(target.endpoint, asio::as_tuple(asio::use_awaitable));
      if (ec) {
        ++stats.errors["connect: " + ec.message()];
        continue;
      }
      stream.socket().set_option(tcp::no_delay(true), ec);
      connected = true;
    }
    auto [write_ec, written] = co_await http::async_write(stream, request, asio::as_tuple(asio::use_awaitable));
    http::response<http::string_body> response;
    if (!write_ec) {
      auto [read_ec, read] = co_await http::async_read(stream, buffer, response, asio::as_tuple(asio::use_awaitable));
      if (read_ec) {
        ++stats.errors["read: " + read_ec.message()];
        stream.socket().close(read_ec);
        connected = false;
        buffer.clear();
        continue;
      }
    } else {
      ++stats.errors["write: " + write_ec.message()];
      boost::system::error_code ignored;
      stream.socket().close(ignored);
      connected = false;
      continue;
    }
    const int status = static_cast<int>(response.result_int());
    ++stats.statuses[status];
    if (status == 202) {
      ++stats.accepted;
    } else if (stats.sample_refusal.empty()) {
      stats.sample_refusal = response.body().substr(0, 300);
    }
    if (!response.keep_alive()) {
      boost::system::error_code ignored;
      stream.socket().close(ignored);
      connected = false;
    }
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = ParseArgs(argc, argv);
  asio::io_context io(1);
  Stats stats;
  const auto started = std::chrono::steady_clock::now();
  const auto started_wall = std::chrono::system_clock::now();
  for (int i = 0; i < options.connections; ++i) {
    const auto& target = options.targets[static_cast<std::size_t>(i) % options.targets.size()];
    asio::co_spawn(io, Worker(options, target, stats), asio::detached);
  }
  io.run();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  boost::json::object statuses;
  for (const auto& [status, n] : stats.statuses) statuses[std::to_string(status)] = n;
  boost::json::object errors;
  for (const auto& [what, n] : stats.errors) errors[what] = n;
  const auto epoch_ms = [](std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  };
  std::cout << boost::json::serialize(
                   boost::json::object{{"requested", options.count},
                                       {"accepted", stats.accepted},
                                       {"statuses", std::move(statuses)},
                                       {"errors", std::move(errors)},
                                       {"sample_refusal", stats.sample_refusal},
                                       {"started_unix_ms", epoch_ms(started_wall)},
                                       {"seconds", seconds},
                                       {"requests_per_second", seconds > 0 ? options.count / seconds : 0.0}})
            << "\n";
  return stats.accepted == options.count ? 0 : 1;
}
