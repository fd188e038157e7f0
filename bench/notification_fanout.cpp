// Notification fan-out: opens C WebSocket connections to /ws/notifications as one user (bearer
// token in the Authorization header), waits until every one has been told "synced", then
// starts one platform.selftest operation over plain HTTP and measures, per connection, the time
// from just before the POST until that connection receives the resulting notification.
// Repeats for --rounds rounds. With --burst B, a round starts B operations back to back (one
// keep-alive connection) and a connection's latency is the time until it has all B of them.
// One thread, one io_context, everything asynchronous.
//   gpuaas_notification_fanout --target 127.0.0.1:8080 --token TOKEN [--connections 10000]
//       [--rounds 1] [--burst 1] [--openers 256] [--open-timeout-s 120] [--round-timeout-s 30]
//       [--path /ws/notifications?after=0]   (resume from a cursor: what it replays counts as backlog)
//       [--hold-s 0]   (keep the connections open this long after the last round, counting
//                       what still arrives and which connections the server closes)
// Exit status 0 only when every open connection received every round's notification.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string host_header;
  tcp::endpoint endpoint;
  std::string token;
  std::string path = "/ws/notifications";
  int connections = 10000;
  int rounds = 1;
  int burst = 1;      // operations (so notifications) per round
  int openers = 256;  // connection attempts in flight at once
  int open_timeout_s = 120;
  int round_timeout_s = 30;
  int hold_s = 0;
};

struct Connection {
  explicit Connection(const asio::any_io_executor& executor) : ws(executor) {}
  websocket::stream<beast::tcp_stream> ws;
  bool synced = false;
  bool closed = false;
  int notifications = 0;       // received in total
  std::int64_t last_seq = -1;  // of the last notification
};

struct State {
  explicit State(Options o) : options(std::move(o)) {}
  Options options;
  int next_to_open = 0;
  int opened = 0;
  int failed = 0;
  int synced = 0;
  int closed_by_peer = 0;  // open connections whose read ended before the client finished
  std::map<std::string, int> open_errors;
  std::map<std::string, int> close_reasons;
  // The round under way.
  int round = 0;           // 0: none yet
  int expected_total = 0;  // notifications every connection should have by the end of this round
  Clock::time_point posted_at{};
  std::vector<double> latencies_ms;  // this round, one per connection that received it
  int duplicates = 0;                // a notification seq a connection had already seen
  int out_of_round = 0;              // notifications beyond what the rounds so far started
  int backlog = 0;                   // notifications before the first round (replayed on resume)
  int other_messages = 0;
  bool finishing = false;
};

[[noreturn]] void Usage(const std::string& why) {
  std::cerr << "gpuaas_notification_fanout: " << why
            << "\nusage: gpuaas_notification_fanout --target IP:PORT --token TOKEN [--connections N] [--rounds R] "
               "[--burst B] [--path PATH] [--hold-s S] [--openers K] [--open-timeout-s S] [--round-timeout-s S]\n";
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) Usage("missing value for " + arg);
    const std::string value = argv[++i];
    if (arg == "--target") {
      const auto colon = value.rfind(':');
      if (colon == std::string::npos) Usage("--target must be IP:PORT");
      boost::system::error_code ec;
      const auto address = asio::ip::make_address(value.substr(0, colon), ec);
      if (ec) Usage("--target host must be an IP address");
      options.host_header = value;
      options.endpoint = tcp::endpoint(address, static_cast<unsigned short>(std::stoi(value.substr(colon + 1))));
    } else if (arg == "--token") {
      options.token = value;
    } else if (arg == "--connections") {
      options.connections = std::stoi(value);
    } else if (arg == "--rounds") {
      options.rounds = std::stoi(value);
    } else if (arg == "--hold-s") {
      options.hold_s = std::stoi(value);
    } else if (arg == "--path") {
      options.path = value;
    } else if (arg == "--burst") {
      options.burst = std::stoi(value);
    } else if (arg == "--openers") {
      options.openers = std::stoi(value);
    } else if (arg == "--open-timeout-s") {
      options.open_timeout_s = std::stoi(value);
    } else if (arg == "--round-timeout-s") {
      options.round_timeout_s = std::stoi(value);
    } else {
      Usage("unknown argument " + arg);
    }
  }
  if (options.host_header.empty() || options.token.empty()) Usage("--target and --token are required");
  if (options.connections < 1 || options.rounds < 1 || options.burst < 1 || options.openers < 1)
    Usage("counts must be positive");
  return options;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// The "seq" of {"type":"notification","seq":N,...}, or -1.
std::int64_t SeqOf(std::string_view message) {
  const auto at = message.find("\"seq\":");
  if (at == std::string_view::npos) return -1;
  return std::strtoll(message.data() + at + 6, nullptr, 10);
}

void OnMessage(State& state, Connection& connection, std::string_view message) {
  if (message.find("\"type\":\"synced\"") != std::string_view::npos) {
    if (!connection.synced) {
      connection.synced = true;
      ++state.synced;
    }
    return;
  }
  if (message.find("\"type\":\"notification\"") == std::string_view::npos) {
    ++state.other_messages;
    return;
  }
  const auto now = Clock::now();
  const auto seq = SeqOf(message);
  if (seq <= connection.last_seq) {
    ++state.duplicates;
    return;
  }
  connection.last_seq = seq;
  if (state.round == 0) {
    ++state.backlog;
    return;
  }
  ++connection.notifications;
  if (connection.notifications > state.expected_total) {
    ++state.out_of_round;
  } else if (connection.notifications == state.expected_total) {
    state.latencies_ms.push_back(Ms(now - state.posted_at));
  }
}

asio::awaitable<void> Read(State& state, std::shared_ptr<Connection> connection) {
  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await connection->ws.async_read(buffer, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      connection->closed = true;
      if (!state.finishing) {
        ++state.closed_by_peer;
        std::string reason = ec.message();
        if (ec == websocket::error::closed) {
          reason = "close frame, code " + std::to_string(connection->ws.reason().code) + " " +
                   std::string(connection->ws.reason().reason.c_str());
        }
        ++state.close_reasons[reason];
      }
      co_return;
    }
    const auto data = buffer.cdata();
    OnMessage(state, *connection, std::string_view(static_cast<const char*>(data.data()), data.size()));
    buffer.consume(buffer.size());
  }
}

// Opens connections one after the other until all C have been tried; K of these run at once.
asio::awaitable<void> Opener(State& state, std::vector<std::shared_ptr<Connection>>& connections) {
  const auto executor = co_await asio::this_coro::executor;
  const auto& options = state.options;
  while (state.next_to_open < options.connections) {
    ++state.next_to_open;
    auto connection = std::make_shared<Connection>(executor);
    auto& stream = beast::get_lowest_layer(connection->ws);
    stream.expires_after(std::chrono::seconds(30));
    auto [connect_ec] = co_await stream.async_connect(options.endpoint, asio::as_tuple(asio::use_awaitable));
    if (connect_ec) {
      ++state.failed;
      ++state.open_errors["connect: " + connect_ec.message()];
      continue;
    }
    stream.expires_never();
    connection->ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    connection->ws.set_option(websocket::stream_base::decorator([&options](websocket::request_type& request) {
      request.set(http::field::authorization, "Bearer " + options.token);
      request.set(http::field::user_agent, "gpuaas-notification-fanout");
    }));
    websocket::response_type response;
    auto [handshake_ec] = co_await connection->ws.async_handshake(response, options.host_header, options.path,
                                                                  asio::as_tuple(asio::use_awaitable));
    if (handshake_ec) {
      ++state.failed;
      std::string what = "handshake: " + handshake_ec.message();
      if (response.result_int() != 0) what += " (HTTP " + std::to_string(response.result_int()) + ")";
      ++state.open_errors[what];
      continue;
    }
    ++state.opened;
    connections.push_back(connection);
    asio::co_spawn(executor, Read(state, connection), asio::detached);
  }
}

// Starts --burst platform.selftest operations back to back on one keep-alive connection;
// returns how many were accepted (202). posted_at is set just before the first is written.
asio::awaitable<int> Trigger(State& state) {
  const auto executor = co_await asio::this_coro::executor;
  const auto& options = state.options;
  beast::tcp_stream stream(executor);
  stream.expires_after(std::chrono::seconds(30));
  auto [connect_ec] = co_await stream.async_connect(options.endpoint, asio::as_tuple(asio::use_awaitable));
  if (connect_ec) co_return 0;
  boost::system::error_code ignored;
  stream.socket().set_option(tcp::no_delay(true), ignored);
  http::request<http::string_body> request{http::verb::post, "/api/v1/operations", 11};
  request.set(http::field::host, options.host_header);
  request.set(http::field::authorization, "Bearer " + options.token);
  request.set(http::field::content_type, "application/json");
  request.keep_alive(true);
  request.body() = R"({"kind":"platform.selftest","target":{"type":"platform","id":"platform"},"params":{"steps":1}})";
  request.prepare_payload();
  state.posted_at = Clock::now();
  int accepted = 0;
  beast::flat_buffer buffer;
  for (int i = 0; i < options.burst; ++i) {
    stream.expires_after(std::chrono::seconds(30));
    auto [write_ec, written] = co_await http::async_write(stream, request, asio::as_tuple(asio::use_awaitable));
    if (write_ec) break;
    http::response<http::string_body> response;
    auto [read_ec, read] = co_await http::async_read(stream, buffer, response, asio::as_tuple(asio::use_awaitable));
    if (read_ec) break;
    if (response.result_int() == 202) {
      ++accepted;
    } else {
      std::cerr << "POST /api/v1/operations: " << response.result_int() << " " << response.body().substr(0, 300)
                << "\n";
    }
  }
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  co_return accepted;
}

int OpenCount(const std::vector<std::shared_ptr<Connection>>& connections) {
  return static_cast<int>(
      std::count_if(connections.begin(), connections.end(), [](const auto& c) { return !c->closed; }));
}

double Percentile(std::vector<double> sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

asio::awaitable<void> Sleep(asio::steady_timer& timer, std::chrono::milliseconds duration) {
  timer.expires_after(duration);
  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
}

asio::awaitable<void> Run(asio::io_context& io, State& state, std::vector<std::shared_ptr<Connection>>& connections,
                          bool& all_good) {
  const auto executor = co_await asio::this_coro::executor;
  const auto& options = state.options;
  asio::steady_timer tick(executor);
  constexpr std::chrono::milliseconds kTick{1};

  // Phase 1: open all, then wait until every open connection is synced.
  const auto open_started = Clock::now();
  const auto open_deadline = open_started + std::chrono::seconds(options.open_timeout_s);
  for (int i = 0; i < std::min(options.openers, options.connections); ++i) {
    asio::co_spawn(executor, Opener(state, connections), asio::detached);
  }
  while (Clock::now() < open_deadline &&
         (state.opened + state.failed < options.connections || state.synced < OpenCount(connections))) {
    co_await Sleep(tick, kTick);
  }
  const double open_seconds = std::chrono::duration<double>(Clock::now() - open_started).count();
  std::printf("connections: %d requested, %d open, %d synced, %d failed, in %.2f s (%.0f handshakes/s)\n",
              options.connections, state.opened, state.synced, state.failed, open_seconds,
              state.opened / std::max(open_seconds, 1e-9));
  for (const auto& [what, n] : state.open_errors) std::printf("  open failure x%d: %s\n", n, what.c_str());
  all_good = state.failed == 0 && state.synced == state.opened;

  // Phase 2: one event per round; wait for it on every connection still open.
  for (int round = 1; round <= options.rounds; ++round) {
    state.latencies_ms.clear();
    state.round = round;
    state.expected_total = round * options.burst;
    const int expected = OpenCount(connections);
    const int accepted = co_await Trigger(state);
    const double post_ms = Ms(Clock::now() - state.posted_at);
    const auto deadline = state.posted_at + std::chrono::seconds(options.round_timeout_s);
    while (Clock::now() < deadline && static_cast<int>(state.latencies_ms.size()) < OpenCount(connections)) {
      co_await Sleep(tick, kTick);
    }
    auto sorted = state.latencies_ms;
    std::sort(sorted.begin(), sorted.end());
    const int received = static_cast<int>(sorted.size());
    std::printf(
        "round %d: %d of %d POSTs accepted in %.1f ms; all %d notification(s) received on %d of %d connections; "
        "latency from the first POST: first %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        round, accepted, options.burst, post_ms, options.burst, received, expected,
        sorted.empty() ? 0.0 : sorted.front(), Percentile(sorted, 0.50), Percentile(sorted, 0.99),
        sorted.empty() ? 0.0 : sorted.back());
    if (accepted != options.burst || received < expected) all_good = false;
    // A short pause so duplicates or late copies of this round show up before the next.
    co_await Sleep(tick, std::chrono::milliseconds(200));
  }

  if (options.hold_s > 0) {
    const int before = state.out_of_round;
    co_await Sleep(tick, std::chrono::seconds(options.hold_s));
    std::printf("held %d s: %d more notifications arrived\n", options.hold_s, state.out_of_round - before);
  }
  const int still_open = OpenCount(connections);
  std::printf(
      "after the run: %d of %d connections still open; %d closed by the server or the network; "
      "%d duplicate, %d out-of-round, %d other messages, %d backlog notifications before round 1\n",
      still_open, state.opened, state.closed_by_peer, state.duplicates, state.out_of_round, state.other_messages,
      state.backlog);
  for (const auto& [why, n] : state.close_reasons) std::printf("  closed x%d: %s\n", n, why.c_str());
  if (state.closed_by_peer > 0 || state.duplicates > 0 || state.out_of_round > 0) all_good = false;
  state.finishing = true;
  std::fflush(stdout);
  // Sockets close with the process; a graceful close of thousands would only add noise.
  io.stop();
}

}  // namespace

int main(int argc, char** argv) {
  State state(ParseArgs(argc, argv));
  asio::io_context io(1);
  std::vector<std::shared_ptr<Connection>> connections;
  connections.reserve(static_cast<std::size_t>(state.options.connections));
  bool all_good = false;
  asio::co_spawn(io, Run(io, state, connections, all_good), asio::detached);
  io.run();
  std::fflush(stdout);
  std::_Exit(all_good ? 0 : 1);
}
