// Agent fleet load: thousands of simulated gpuaas-agent nodes in one process (issue 6, the
// 19,000-agent heartbeat benchmark; bench/agent_fleet.sh drives it). One thread, one io_context,
// everything asynchronous; no thread per connection.
//
//   gpuaas_agent_fleet_load enroll --target IP:PORT --token ADMIN_TOKEN --identities FILE --count N
//       [--parallel 16] [--site bench] [--gpus 8xH100]
//     Makes FILE hold N enrolled identities: for each missing one, a one-time bootstrap token
//     (POST /api/v1/bootstrap-tokens with the admin's bearer token, site "bench"), an EC P-256 key,
//     a CSR and POST /api/v1/agent/enroll, exactly like `gpuaas-agent enroll`. One JSON line per
//     node (node_id, hostname, key, cert), appended as each completes, so a later run reuses them.
//
//   gpuaas_agent_fleet_load run --target IP:PORT --identities FILE [--count N] [--openers 256]
//       [--jitter 0.1] [--report-s 10] [--silence K --silence-after-s T] [--run-s S] [--gpus 8xH100]
//     Holds one agent WebSocket per identity: challenge -> hello (signed with the node's key) ->
//     welcome, then a heartbeat with the simulated GPUs' telemetry every interval the welcome names,
//     each interval drawn uniformly within +-jitter (the first after a random phase, so beats spread).
//     A dropped or refused connection is retried with the agent's own policy (agent/session/backoff:
//     equal jitter, 1 s doubling to 30 s, reset after a welcome; at the cap after a rejection).
//     Half-way between heartbeats each connection sends a WebSocket ping; its pong comes back from
//     the server's read loop, so the round trip is the client-side proxy for heartbeat handling
//     latency (--ping-every K: only every K-th interval; 0: never, to see the server without them).
//     --silence K: T seconds after every node was first connected, K nodes stop
//     heartbeating and pinging but keep their sockets open (a hung agent); their IDs are printed.
//     Runs until SIGINT/SIGTERM or --run-s.
//
// Output: one JSON object per line on stdout. {"event":"status",...} every --report-s (connected,
// heartbeats and their rate, ping p50/p99/max of the period, welcomes and connect attempts per
// second at their peak, failures by reason); {"event":"all_connected"}, {"event":"silenced"},
// {"event":"recovered"} (from the first drop after all were connected until all N are back: its
// duration and peak connect rates, so a reconnect storm is visible); {"event":"final"} at the end.
// Every event carries "at_ms", the wall clock in milliseconds since the epoch.
// Exit status: 0 when every node was connected at the end; 1 otherwise; 2 on bad arguments.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "agent/inventory/simulated.hpp"
#include "agent/session/backoff.hpp"
#include "agent/session/gpu_samples.hpp"
#include "shared/build_info.hpp"
#include "shared/pki/challenge.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "wire/fleet/agent_protocol.hpp"
#include "wire/fleet/inventory.hpp"
#include "wire/json_format.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace json = boost::json;
namespace fleet = gpuaas::wire::fleet;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// As the real agent (agent_session.hpp, websocket_client.cpp, run_command.cpp).
constexpr auto kHandshakeTimeout = std::chrono::seconds(30);
constexpr auto kConnectTimeout = std::chrono::seconds(30);
constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr std::size_t kMaxFrameBytes = 4 << 20;
constexpr std::string_view kStreamTarget = "/ws/v1/agent";
constexpr std::string_view kEnrollTarget = "/api/v1/agent/enroll";

struct Options {
  std::string mode;
  std::string host_header;
  tcp::endpoint endpoint;
  std::string token;  // enroll: the admin's bearer token
  std::string identities;
  int count = -1;  // enroll: required; run: all in the file
  int parallel = 16;
  std::string site = "bench";
  std::string gpus = "8xH100";
  int openers = 256;
  double jitter = 0.1;
  int report_s = 10;
  int silence = 0;
  int silence_after_s = 0;
  int run_s = 0;
  int ping_every = 1;  // a ping every this many heartbeat intervals; 0: none
};

[[noreturn]] void Usage(const std::string& why) {
  std::cerr << "gpuaas_agent_fleet_load: " << why
            << "\nusage: gpuaas_agent_fleet_load enroll --target IP:PORT --token TOKEN --identities FILE --count N "
               "[--parallel P] [--site NAME] [--gpus 8xH100]\n"
               "       gpuaas_agent_fleet_load run --target IP:PORT --identities FILE [--count N] [--openers K] "
               "[--jitter 0.1] [--report-s S] [--silence K --silence-after-s T] [--ping-every K] [--run-s S]\n"
               "       [--gpus 8xH100]\n";
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options options;
  if (argc < 2) Usage("missing subcommand");
  options.mode = argv[1];
  if (options.mode != "enroll" && options.mode != "run") Usage("unknown subcommand " + options.mode);
  for (int i = 2; i < argc; ++i) {
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
    } else if (arg == "--identities") {
      options.identities = value;
    } else if (arg == "--count") {
      options.count = std::stoi(value);
    } else if (arg == "--parallel") {
      options.parallel = std::stoi(value);
    } else if (arg == "--site") {
      options.site = value;
    } else if (arg == "--gpus") {
      options.gpus = value;
    } else if (arg == "--openers") {
      options.openers = std::stoi(value);
    } else if (arg == "--jitter") {
      options.jitter = std::stod(value);
    } else if (arg == "--report-s") {
      options.report_s = std::stoi(value);
    } else if (arg == "--silence") {
      options.silence = std::stoi(value);
    } else if (arg == "--silence-after-s") {
      options.silence_after_s = std::stoi(value);
    } else if (arg == "--ping-every") {
      options.ping_every = std::stoi(value);
    } else if (arg == "--run-s") {
      options.run_s = std::stoi(value);
    } else {
      Usage("unknown argument " + arg);
    }
  }
  if (options.host_header.empty() || options.identities.empty()) Usage("--target and --identities are required");
  if (options.mode == "enroll" && (options.token.empty() || options.count < 0))
    Usage("enroll needs --token and --count");
  if (options.parallel < 1 || options.openers < 1 || options.report_s < 1 || options.jitter < 0 ||
      options.jitter >= 1 || options.silence < 0 || options.ping_every < 0)
    Usage("bad numeric argument");
  return options;
}

std::int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void Emit(json::object line) {
  line["at_ms"] = WallMs();
  const auto text = json::serialize(line);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

// --- What a node says about itself ---------------------------------------------------------

struct Identity {
  std::string node_id;
  std::string hostname;
  std::string key_pem;
  std::string cert_pem;
};

gpuaas::agent::inventory::SimulationSpec Spec(const Options& options) {
  auto spec = gpuaas::agent::inventory::ParseSimulationSpec(options.gpus);
  if (!spec) Usage(spec.error().message());
  return *spec;
}

// The inventory a `gpuaas-agent --simulate-gpus` on a typical 8-GPU host reports: the GPUs from
// the agent's own simulation (UUIDs seeded by the hostname), fixed host facts.
fleet::HostInventory InventoryOf(const gpuaas::agent::inventory::SimulationSpec& spec, const std::string& hostname) {
  auto report = gpuaas::agent::inventory::SimulatedProbe(spec, hostname).Probe();
  fleet::HostInventory inventory;
  inventory.hostname = hostname;
  inventory.cpu_model = "AMD EPYC 9454 48-Core Processor";
  inventory.cpu_cores = 192;
  inventory.memory_total_mib = 2 * 1024 * 1024;
  inventory.disk_total_gib = 3500;
  inventory.disk_free_gib = 3100;
  inventory.os_name = "Ubuntu";
  inventory.os_version = "24.04";
  inventory.kernel = "6.8.0-60-generic";
  inventory.agent_version = gpuaas::VersionString();
  inventory.runtimes = {std::string(fleet::kRuntimeProcess), std::string(fleet::kRuntimeDocker)};
  if (report) {
    inventory.gpu_source = report->source;
    inventory.simulated = report->source == fleet::GpuSource::kSimulated;
    inventory.driver_version = report->driver_version;
    inventory.cuda_version = report->cuda_version;
    inventory.gpus = std::move(report->gpus);
  }
  if (auto valid = fleet::Validate(inventory); !valid) {
    std::cerr << "the simulated inventory is invalid: " << valid.error().message() << "\n";
    std::exit(1);
  }
  return inventory;
}

std::vector<Identity> LoadIdentities(const std::string& path) {
  std::vector<Identity> identities;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    boost::system::error_code ec;
    const auto value = json::parse(line, ec);
    if (ec || !value.is_object()) continue;  // a line cut short by an interrupted enroll
    const auto& o = value.as_object();
    identities.push_back({json::value_to<std::string>(o.at("node_id")), json::value_to<std::string>(o.at("hostname")),
                          json::value_to<std::string>(o.at("key")), json::value_to<std::string>(o.at("cert"))});
  }
  return identities;
}

asio::awaitable<void> Sleep(asio::steady_timer& timer, Clock::duration duration) {
  timer.expires_after(duration);
  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
}

// --- enroll --------------------------------------------------------------------------------

struct HttpAnswer {
  int status = 0;  // 0: the request did not get an answer
  std::string body;
  std::string error;
};

// One keep-alive HTTP/1.1 connection, reopened when it breaks.
class HttpClient {
 public:
  HttpClient(const asio::any_io_executor& executor, const Options& options) : executor_(executor), options_(options) {}

  asio::awaitable<HttpAnswer> Post(std::string_view target, std::string body, bool bearer) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!stream_) {
        stream_ = std::make_unique<beast::tcp_stream>(executor_);
        stream_->expires_after(std::chrono::seconds(30));
        auto [ec] = co_await stream_->async_connect(options_.endpoint, asio::as_tuple(asio::use_awaitable));
        if (ec) {
          stream_.reset();
          co_return HttpAnswer{0, "", "connect: " + ec.message()};
        }
      }
      http::request<http::string_body> request{http::verb::post, target, 11};
      request.set(http::field::host, options_.host_header);
      request.set(http::field::content_type, "application/json");
      request.set(http::field::user_agent, "gpuaas-agent/" + gpuaas::VersionString());
      if (bearer) request.set(http::field::authorization, "Bearer " + options_.token);
      request.keep_alive(true);
      request.body() = body;
      request.prepare_payload();
      stream_->expires_after(std::chrono::seconds(60));
      auto [write_ec, written] = co_await http::async_write(*stream_, request, asio::as_tuple(asio::use_awaitable));
      http::response<http::string_body> response;
      boost::system::error_code read_ec = write_ec;
      if (!write_ec) {
        auto [ec, n] = co_await http::async_read(*stream_, buffer_, response, asio::as_tuple(asio::use_awaitable));
        read_ec = ec;
      }
      if (read_ec) {  // a kept-alive connection the server closed meanwhile: once more on a new one
        stream_.reset();
        buffer_.clear();
        if (attempt == 0) continue;
        co_return HttpAnswer{0, "", "request: " + read_ec.message()};
      }
      if (!response.keep_alive()) {
        stream_.reset();
        buffer_.clear();
      }
      co_return HttpAnswer{static_cast<int>(response.result_int()), std::move(response.body()), ""};
    }
    co_return HttpAnswer{0, "", "unreachable"};
  }

  asio::awaitable<HttpAnswer> Get(std::string_view target) {
    beast::tcp_stream stream(executor_);
    stream.expires_after(std::chrono::seconds(30));
    auto [ec] = co_await stream.async_connect(options_.endpoint, asio::as_tuple(asio::use_awaitable));
    if (ec) co_return HttpAnswer{0, "", ec.message()};
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, options_.host_header);
    request.set(http::field::authorization, "Bearer " + options_.token);
    auto [write_ec, written] = co_await http::async_write(stream, request, asio::as_tuple(asio::use_awaitable));
    if (write_ec) co_return HttpAnswer{0, "", write_ec.message()};
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    auto [read_ec, n] = co_await http::async_read(stream, buffer, response, asio::as_tuple(asio::use_awaitable));
    if (read_ec) co_return HttpAnswer{0, "", read_ec.message()};
    co_return HttpAnswer{static_cast<int>(response.result_int()), std::move(response.body()), ""};
  }

 private:
  asio::any_io_executor executor_;
  const Options& options_;
  std::unique_ptr<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

struct EnrollState {
  explicit EnrollState(Options o) : options(std::move(o)) {}
  Options options;
  gpuaas::agent::inventory::SimulationSpec spec;
  std::string site_id;
  std::ofstream out;
  int existing = 0;
  int next = 0;  // index (in the file) of the next node to enroll
  int done = 0;
  int failed = 0;
  std::map<std::string, int> errors;
  Clock::time_point started;
};

std::string Field(const std::string& body, std::string_view name) {
  boost::system::error_code ec;
  const auto value = json::parse(body, ec);
  if (ec || !value.is_object()) return "";
  const auto* field = value.as_object().if_contains(name);
  return field != nullptr && field->is_string() ? std::string(field->as_string()) : "";
}

asio::awaitable<std::string> FindOrCreateSite(EnrollState& state, HttpClient& client) {
  const auto listed = co_await client.Get("/api/v1/sites");
  if (listed.status == 200) {
    boost::system::error_code ec;
    const auto value = json::parse(listed.body, ec);
    if (!ec && value.is_object()) {
      for (const auto& item : value.as_object().at("items").as_array()) {
        if (item.as_object().at("name").as_string() == state.options.site)
          co_return std::string(item.as_object().at("id").as_string());
      }
    }
  } else {
    std::cerr << "GET /api/v1/sites: " << listed.status << " " << listed.error << listed.body.substr(0, 300) << "\n";
    co_return "";
  }
  json::object body{{"name", state.options.site}, {"region", "bench"}, {"description", "agent fleet benchmark"}};
  const auto created = co_await client.Post("/api/v1/sites", json::serialize(body), true);
  if (created.status != 201) {
    std::cerr << "POST /api/v1/sites: " << created.status << " " << created.error << created.body.substr(0, 300)
              << "\n";
    co_return "";
  }
  co_return Field(created.body, "id");
}

asio::awaitable<void> Enroller(EnrollState& state) {
  const auto executor = co_await asio::this_coro::executor;
  HttpClient client(executor, state.options);
  const auto fail = [&state](const std::string& why) {
    ++state.failed;
    ++state.errors[why.substr(0, 200)];
  };
  while (state.next < state.options.count) {
    const int index = state.next++;
    char hostname[64];
    std::snprintf(hostname, sizeof hostname, "bench-gpu-%05d", index);
    json::object token_body{{"site_id", state.site_id}, {"profile", "standard"}, {"ttl_minutes", 60}};
    const auto token = co_await client.Post("/api/v1/bootstrap-tokens", json::serialize(token_body), true);
    if (token.status != 201) {
      fail("bootstrap token: " + std::to_string(token.status) + " " + token.error + token.body);
      continue;
    }
    const auto key = gpuaas::pki::GenerateKeyPair();
    if (!key) {
      fail("key: " + key.error().message());
      continue;
    }
    auto csr = gpuaas::pki::MakeCsr(key->private_key_pem, hostname);
    if (!csr) {
      fail("csr: " + csr.error().message());
      continue;
    }
    const fleet::EnrollRequest request{
        .token = Field(token.body, "secret"), .csr_pem = *csr, .inventory = InventoryOf(state.spec, hostname)};
    const auto answer = co_await client.Post(
        kEnrollTarget, gpuaas::wire::FormatJson(fleet::ToJson(request), gpuaas::wire::JsonLayout::kCompact), false);
    if (answer.status != 200 && answer.status != 201) {
      fail("enroll: " + std::to_string(answer.status) + " " + answer.error + answer.body);
      continue;
    }
    boost::system::error_code ec;
    const auto parsed = json::parse(answer.body, ec);
    auto response = ec ? gpuaas::Result<fleet::EnrollResponse>(gpuaas::Error::Internal("not JSON"))
                       : fleet::EnrollResponseFromJson(parsed);
    if (!response) {
      fail("enroll answer: " + response.error().message());
      continue;
    }
    json::object line{{"node_id", response->node_id},
                      {"hostname", hostname},
                      {"key", key->private_key_pem},
                      {"cert", response->certificate_pem}};
    state.out << json::serialize(line) << '\n';
    state.out.flush();
    ++state.done;
  }
}

asio::awaitable<void> Progress(EnrollState& state, int workers_total, int& workers_left) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (workers_left > 0) {
    co_await Sleep(timer, std::chrono::seconds(5));
    const double seconds = std::chrono::duration<double>(Clock::now() - state.started).count();
    Emit({{"event", "enroll_progress"},
          {"enrolled", state.done},
          {"failed", state.failed},
          {"workers", workers_total},
          {"per_s", state.done / std::max(seconds, 1e-9)}});
  }
}

int RunEnroll(const Options& options) {
  EnrollState state(options);
  state.spec = Spec(options);
  state.existing = static_cast<int>(LoadIdentities(options.identities).size());
  state.next = state.existing;
  if (state.existing >= options.count) {
    Emit({{"event", "enroll_done"}, {"enrolled", 0}, {"existing", state.existing}, {"failed", 0}, {"seconds", 0}});
    return 0;
  }
  state.out.open(options.identities, std::ios::app);
  if (!state.out) {
    std::cerr << "cannot write " << options.identities << "\n";
    return 1;
  }
  asio::io_context io(1);
  const int workers = std::min(options.parallel, options.count - state.existing);
  int workers_left = workers;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        HttpClient client(co_await asio::this_coro::executor, state.options);
        state.site_id = co_await FindOrCreateSite(state, client);
        if (state.site_id.empty()) {
          workers_left = 0;
          co_return;
        }
        state.started = Clock::now();
        asio::co_spawn(io, Progress(state, workers, workers_left), asio::detached);
        for (int i = 0; i < workers; ++i) {
          asio::co_spawn(io, Enroller(state), [&workers_left](std::exception_ptr) { --workers_left; });
        }
      },
      asio::detached);
  io.run();
  const double seconds = std::chrono::duration<double>(Clock::now() - state.started).count();
  json::object errors;
  for (const auto& [why, n] : state.errors) errors[why] = n;
  Emit({{"event", "enroll_done"},
        {"enrolled", state.done},
        {"existing", state.existing},
        {"failed", state.failed},
        {"seconds", seconds},
        {"per_s", state.done / std::max(seconds, 1e-9)},
        {"errors", errors}});
  return state.site_id.empty() || state.existing + state.done < options.count ? 1 : 0;
}

// --- run -----------------------------------------------------------------------------------

struct Node;

// One WebSocket of a node; the reader and the heartbeat writer share it.
struct Connection {
  Connection(const asio::any_io_executor& executor, Node& n) : ws(executor), timer(executor), node(&n) {}
  websocket::stream<beast::tcp_stream> ws;
  asio::steady_timer timer;  // the handshake deadline, then the writer's schedule
  Node* node;
  bool handshaking = true;  // until Connect returns: the deadline closes the socket
  bool closed = false;
};

struct Node {
  Node(Identity i, std::uint64_t seed)
      : identity(std::move(i)), backoff({std::chrono::seconds(1), std::chrono::seconds(30)}, seed) {}
  Identity identity;
  gpuaas::agent::session::Backoff backoff;
  bool connected = false;  // welcomed, socket open
  bool silenced = false;
  std::int64_t seq = 0;
  std::chrono::seconds interval{10};
};

// Handshake slots: at most --openers connections between connect and welcome at once.
struct Gate {
  int free = 0;
  std::deque<std::shared_ptr<asio::steady_timer>> waiters;
};

struct Period {  // what the status line reports, reset each --report-s
  std::vector<float> rtt_ms;
  std::uint64_t heartbeats = 0;
  std::uint64_t pings = 0;
  int peak_welcomes_per_s = 0;
  int peak_attempts_per_s = 0;
  std::map<std::string, int> failures;
};

struct RunState {
  explicit RunState(Options o) : options(std::move(o)) {}
  Options options;
  Clock::time_point start = Clock::now();
  std::vector<std::unique_ptr<Node>> nodes;
  fleet::HostInventory inventory_template;
  gpuaas::agent::inventory::SimulationSpec spec;
  std::vector<fleet::GpuSample> samples;
  Gate gate;
  std::mt19937_64 random{std::random_device{}()};
  bool stopping = false;
  int connected = 0;
  std::uint64_t welcomes = 0;
  std::uint64_t attempts = 0;
  std::uint64_t drops = 0;
  std::uint64_t failures = 0;
  std::uint64_t rejections = 0;
  std::uint64_t heartbeats = 0;
  std::uint64_t pings = 0;
  std::uint64_t pongs = 0;
  std::uint64_t frames_received = 0;  // after the welcome: tasks, errors, pushed welcomes
  std::map<std::string, int> frames_by_type;
  // Per-second counters, folded into the period's peaks by the ticker.
  int welcomes_this_second = 0;
  int attempts_this_second = 0;
  Period period;
  // All connected once, and the recovery after a drop.
  std::optional<Clock::time_point> all_connected_at;
  std::optional<Clock::time_point> first_drop_at;
  int recovery_peak_welcomes_per_s = 0;
  int recovery_peak_attempts_per_s = 0;
  std::uint64_t recovery_attempts = 0;
  int recovery_min_connected = 0;
  int recoveries = 0;
  bool silenced_done = false;
};

double Percentile(std::vector<float>& values, double p) {
  if (values.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return values[index];
}

std::int64_t SinceStartUs(const RunState& state) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - state.start).count();
}

asio::awaitable<void> Acquire(Gate& gate) {
  if (gate.free > 0) {
    --gate.free;
    co_return;
  }
  auto timer = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor, Clock::time_point::max());
  gate.waiters.push_back(timer);
  co_await timer->async_wait(asio::as_tuple(asio::use_awaitable));  // cancelled by Release: the slot is ours
}

void Release(Gate& gate) {
  if (gate.waiters.empty()) {
    ++gate.free;
    return;
  }
  auto timer = std::move(gate.waiters.front());
  gate.waiters.pop_front();
  timer->cancel();
}

void Fail(RunState& state, const std::string& why) {
  ++state.failures;
  ++state.period.failures[why.substr(0, 160)];
}

void OnWelcomed(RunState& state, Node& node) {
  node.connected = true;
  ++state.connected;
  ++state.welcomes;
  ++state.welcomes_this_second;
  const int n = static_cast<int>(state.nodes.size());
  if (state.connected == n && !state.all_connected_at) {
    state.all_connected_at = Clock::now();
    Emit({{"event", "all_connected"},
          {"nodes", n},
          {"seconds", std::chrono::duration<double>(*state.all_connected_at - state.start).count()},
          {"attempts", state.attempts},
          {"failures", state.failures}});
  }
  if (state.connected == n && state.first_drop_at) {
    ++state.recoveries;
    Emit({{"event", "recovered"},
          {"nodes", n},
          {"seconds_from_first_drop", std::chrono::duration<double>(Clock::now() - *state.first_drop_at).count()},
          {"min_connected", state.recovery_min_connected},
          {"peak_welcomes_per_s", std::max(state.recovery_peak_welcomes_per_s, state.welcomes_this_second)},
          {"peak_attempts_per_s", std::max(state.recovery_peak_attempts_per_s, state.attempts_this_second)},
          {"attempts", state.recovery_attempts}});
    state.first_drop_at.reset();
  }
}

void OnDropped(RunState& state, Node& node) {
  node.connected = false;
  --state.connected;
  ++state.drops;
  if (state.all_connected_at && !state.first_drop_at && !state.stopping) {
    state.first_drop_at = Clock::now();
    state.recovery_peak_welcomes_per_s = 0;
    state.recovery_peak_attempts_per_s = 0;
    state.recovery_attempts = 0;
    state.recovery_min_connected = state.connected;
  }
  if (state.first_drop_at) state.recovery_min_connected = std::min(state.recovery_min_connected, state.connected);
}

// Reads one text frame within the handshake deadline (the connection's timer closes the socket).
asio::awaitable<std::optional<gpuaas::Result<fleet::AgentFrame>>> ReadFrame(Connection& c, beast::flat_buffer& buffer,
                                                                            std::string& error) {
  buffer.clear();
  auto [ec, n] = co_await c.ws.async_read(buffer, asio::as_tuple(asio::use_awaitable));
  if (ec) {
    error = ec == websocket::error::closed ? "closed by the server (" + std::to_string(c.ws.reason().code) + " " +
                                                 std::string(c.ws.reason().reason.c_str()) + ")"
                                           : ec.message();
    co_return std::nullopt;
  }
  const auto data = buffer.cdata();
  co_return fleet::DecodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
}

enum class Handshake { kWelcomed, kFailed, kRejected };

asio::awaitable<Handshake> Connect(RunState& state, Node& node, Connection& c) {
  ++state.attempts;
  ++state.attempts_this_second;
  if (state.first_drop_at) ++state.recovery_attempts;
  // One deadline for connect, upgrade, challenge, hello and welcome (the agent's is 30 s each).
  c.timer.expires_after(kConnectTimeout + kHandshakeTimeout);
  c.timer.async_wait([&c](boost::system::error_code ec) {
    if (!ec && c.handshaking) {
      boost::system::error_code ignored;
      beast::get_lowest_layer(c.ws).socket().close(ignored);
    }
  });
  const auto finish = [&](Handshake result) {
    c.handshaking = false;
    c.timer.cancel();
    return result;
  };
  auto& stream = beast::get_lowest_layer(c.ws);
  auto [connect_ec] = co_await stream.async_connect(state.options.endpoint, asio::as_tuple(asio::use_awaitable));
  if (connect_ec) {
    Fail(state, "connect: " + connect_ec.message());
    co_return finish(Handshake::kFailed);
  }
  c.ws.set_option(websocket::stream_base::timeout{kHandshakeTimeout, kIdleTimeout, true});
  c.ws.set_option(websocket::stream_base::decorator([](websocket::request_type& request) {
    request.set(http::field::user_agent, "gpuaas-agent/" + gpuaas::VersionString());
  }));
  c.ws.read_message_max(kMaxFrameBytes);
  c.ws.text(true);
  websocket::response_type response;
  auto [upgrade_ec] = co_await c.ws.async_handshake(response, state.options.host_header, kStreamTarget,
                                                    asio::as_tuple(asio::use_awaitable));
  if (upgrade_ec) {
    std::string what = "upgrade: " + upgrade_ec.message();
    if (response.result_int() != 0) what += " (HTTP " + std::to_string(response.result_int()) + ")";
    Fail(state, what);
    co_return finish(Handshake::kFailed);
  }
  beast::flat_buffer buffer;
  std::string error;
  auto challenge = co_await ReadFrame(c, buffer, error);
  if (!challenge) {
    Fail(state, "challenge: " + error);
    co_return finish(Handshake::kFailed);
  }
  const auto* nonce = *challenge ? std::get_if<fleet::ChallengeFrame>(&**challenge) : nullptr;
  if (nonce == nullptr) {
    Fail(state, "challenge: not a challenge");
    co_return finish(Handshake::kFailed);
  }
  auto signature = gpuaas::pki::SignChallenge(node.identity.key_pem, nonce->nonce);
  if (!signature) {
    Fail(state, "sign: " + signature.error().message());
    co_return finish(Handshake::kFailed);
  }
  auto inventory = state.inventory_template;
  inventory.hostname = node.identity.hostname;
  if (auto report = gpuaas::agent::inventory::SimulatedProbe(state.spec, node.identity.hostname).Probe(); report)
    inventory.gpus = std::move(report->gpus);
  const auto hello = fleet::EncodeFrame(fleet::HelloFrame{.node_id = node.identity.node_id,
                                                          .certificate_pem = node.identity.cert_pem,
                                                          .signature = std::move(*signature),
                                                          .agent_version = gpuaas::VersionString(),
                                                          .inventory = std::move(inventory),
                                                          .posture = {}});
  auto [write_ec, written] = co_await c.ws.async_write(asio::buffer(hello), asio::as_tuple(asio::use_awaitable));
  if (write_ec) {
    Fail(state, "hello: " + write_ec.message());
    co_return finish(Handshake::kFailed);
  }
  auto answer = co_await ReadFrame(c, buffer, error);
  if (!answer) {
    Fail(state, "welcome: " + error);
    co_return finish(Handshake::kFailed);
  }
  if (!*answer) {
    const auto code = answer->error().code();
    const bool rejected = code == gpuaas::ErrorCode::kUnauthenticated || code == gpuaas::ErrorCode::kPermissionDenied;
    if (rejected) ++state.rejections;
    Fail(state, "welcome: " + std::string(gpuaas::ErrorCodeName(code)) + " " + answer->error().message());
    co_return finish(rejected ? Handshake::kRejected : Handshake::kFailed);
  }
  const auto* welcome = std::get_if<fleet::WelcomeFrame>(&**answer);
  if (welcome == nullptr) {
    Fail(state, "welcome: another frame");
    co_return finish(Handshake::kFailed);
  }
  node.interval = std::chrono::seconds(std::clamp<std::int64_t>(welcome->heartbeat_interval_seconds, 1, 3600));
  co_return finish(Handshake::kWelcomed);
}

// Heartbeats on the node's interval (+-jitter), a ping half-way between two.
asio::awaitable<void> Writer(RunState& state, std::shared_ptr<Connection> c) {
  Node& node = *c->node;
  const double interval_ms =
      static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(node.interval).count());
  std::uniform_real_distribution<double> jitter(1.0 - state.options.jitter, 1.0 + state.options.jitter);
  std::uniform_real_distribution<double> phase(0.05, 1.0);
  bool first = true;
  std::int64_t cycle = 0;
  const auto wait = [&](double ms) -> asio::awaitable<bool> {
    c->timer.expires_after(std::chrono::microseconds(static_cast<std::int64_t>(ms * 1000)));
    co_await c->timer.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return !c->closed && !state.stopping;
  };
  while (!c->closed && !state.stopping) {
    if (!node.silenced) {
      // Like AgentSession::SendHeartbeat: the simulated GPUs' live figures, a seq per connection.
      const auto text =
          fleet::EncodeFrame(fleet::HeartbeatFrame{.seq = ++node.seq, .gpus = state.samples, .running_tasks = {}});
      auto [ec, n] = co_await c->ws.async_write(asio::buffer(text), asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;  // the reader sees the broken socket too
      ++state.heartbeats;
      ++state.period.heartbeats;
    }
    // The agent's first beat goes at once; a random phase before the second spreads the fleet.
    const double next = interval_ms * (first ? phase(state.random) : jitter(state.random));
    first = false;
    if (!co_await wait(next / 2)) co_return;
    const int every = state.options.ping_every;
    if (!node.silenced && every > 0 && cycle++ % every == 0) {
      const auto payload = std::to_string(SinceStartUs(state));
      auto [ec] = co_await c->ws.async_ping(websocket::ping_data(payload.c_str()), asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      ++state.pings;
      ++state.period.pings;
    }
    if (!co_await wait(next / 2)) co_return;
  }
}

asio::awaitable<void> Reader(RunState& state, std::shared_ptr<Connection> c) {
  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await c->ws.async_read(buffer, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (!state.stopping) {
        Fail(state, ec == websocket::error::closed
                        ? "dropped: closed by the server (" + std::to_string(c->ws.reason().code) + " " +
                              std::string(c->ws.reason().reason.c_str()) + ")"
                        : "dropped: " + ec.message());
      }
      co_return;
    }
    ++state.frames_received;
    const auto data = buffer.cdata();
    const std::string_view text(static_cast<const char*>(data.data()), data.size());
    const auto type_at = text.find("\"type\":\"");
    const auto type = type_at == std::string_view::npos
                          ? std::string_view("?")
                          : text.substr(type_at + 8, text.find('"', type_at + 8) - type_at - 8);
    ++state.frames_by_type[std::string(type.substr(0, 40))];
    buffer.consume(buffer.size());
  }
}

asio::awaitable<void> Lifecycle(RunState& state, Node& node) {
  const auto executor = co_await asio::this_coro::executor;
  asio::steady_timer pause(executor);
  while (!state.stopping) {
    co_await Acquire(state.gate);
    auto c = std::make_shared<Connection>(executor, node);
    const auto result = co_await Connect(state, node, *c);
    Release(state.gate);
    if (state.stopping) co_return;
    std::chrono::milliseconds delay{0};
    if (result == Handshake::kWelcomed) {
      node.backoff.Reset();
      OnWelcomed(state, node);
      c->ws.control_callback([&state](websocket::frame_type kind, beast::string_view payload) {
        if (kind != websocket::frame_type::pong || payload.empty()) return;
        const auto sent_us = std::strtoll(std::string(payload).c_str(), nullptr, 10);
        if (sent_us <= 0) return;
        ++state.pongs;
        state.period.rtt_ms.push_back(static_cast<float>(SinceStartUs(state) - sent_us) / 1000.0F);
      });
      asio::co_spawn(executor, Writer(state, c), asio::detached);
      co_await Reader(state, c);
      c->closed = true;
      c->timer.cancel();
      OnDropped(state, node);
      delay = node.backoff.Next();
    } else {
      delay = result == Handshake::kRejected ? node.backoff.AtCap() : node.backoff.Next();
    }
    {
      boost::system::error_code ignored;
      beast::get_lowest_layer(c->ws).socket().close(ignored);
    }
    co_await Sleep(pause, delay);
  }
}

void Silence(RunState& state) {
  state.silenced_done = true;
  json::array ids;
  const int k = std::min(state.options.silence, static_cast<int>(state.nodes.size()));
  // Spread over the file: every (N/K)-th node.
  const auto step = std::max<std::size_t>(1, state.nodes.size() / std::max(k, 1));
  for (int i = 0; i < k; ++i) {
    auto& node = *state.nodes[static_cast<std::size_t>(i) * step];
    node.silenced = true;
    ids.push_back(json::value(node.identity.node_id));
  }
  Emit({{"event", "silenced"}, {"count", k}, {"node_ids", ids}});
}

json::object StatusLine(RunState& state, const char* event, double period_s) {
  auto& p = state.period;
  json::object failures;
  for (const auto& [why, n] : p.failures) failures[why] = n;
  json::object frames;
  for (const auto& [type, n] : state.frames_by_type) frames[type] = n;
  json::object line{{"event", event},
                    {"t_s", std::chrono::duration<double>(Clock::now() - state.start).count()},
                    {"nodes", state.nodes.size()},
                    {"connected", state.connected},
                    {"welcomes", state.welcomes},
                    {"attempts", state.attempts},
                    {"drops", state.drops},
                    {"failures", state.failures},
                    {"rejections", state.rejections},
                    {"heartbeats", state.heartbeats},
                    {"heartbeats_per_s", static_cast<double>(p.heartbeats) / period_s},
                    {"pings", p.pings},
                    {"pongs_total", state.pongs},
                    {"rtt_samples", p.rtt_ms.size()},
                    {"rtt_p50_ms", Percentile(p.rtt_ms, 0.50)},
                    {"rtt_p99_ms", Percentile(p.rtt_ms, 0.99)},
                    {"rtt_max_ms", p.rtt_ms.empty() ? 0.0 : *std::max_element(p.rtt_ms.begin(), p.rtt_ms.end())},
                    {"peak_welcomes_per_s", p.peak_welcomes_per_s},
                    {"peak_attempts_per_s", p.peak_attempts_per_s},
                    {"failures_by_reason", failures},
                    {"frames_received", frames}};
  p = Period{};
  return line;
}

asio::awaitable<void> Ticker(RunState& state, asio::io_context& io, int& exit_status) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  auto next = Clock::now();
  auto last_report = Clock::now();
  while (!state.stopping) {
    next += std::chrono::seconds(1);
    timer.expires_at(next);
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    auto& p = state.period;
    p.peak_welcomes_per_s = std::max(p.peak_welcomes_per_s, state.welcomes_this_second);
    p.peak_attempts_per_s = std::max(p.peak_attempts_per_s, state.attempts_this_second);
    if (state.first_drop_at) {
      state.recovery_peak_welcomes_per_s = std::max(state.recovery_peak_welcomes_per_s, state.welcomes_this_second);
      state.recovery_peak_attempts_per_s = std::max(state.recovery_peak_attempts_per_s, state.attempts_this_second);
    }
    state.welcomes_this_second = 0;
    state.attempts_this_second = 0;
    const auto now = Clock::now();
    if (state.options.silence > 0 && !state.silenced_done && state.all_connected_at &&
        now - *state.all_connected_at >= std::chrono::seconds(state.options.silence_after_s)) {
      Silence(state);
    }
    if (now - last_report >= std::chrono::seconds(state.options.report_s)) {
      Emit(StatusLine(state, "status", std::chrono::duration<double>(now - last_report).count()));
      last_report = now;
    }
    if (state.options.run_s > 0 && now - state.start >= std::chrono::seconds(state.options.run_s)) break;
  }
  state.stopping = true;
  Emit(StatusLine(state, "final", std::max(1e-9, std::chrono::duration<double>(Clock::now() - last_report).count())));
  exit_status = state.connected == static_cast<int>(state.nodes.size()) ? 0 : 1;
  io.stop();  // sockets close with the process
}

int RunAgents(const Options& options) {
  RunState state(options);
  auto identities = LoadIdentities(options.identities);
  if (options.count >= 0) {
    if (static_cast<int>(identities.size()) < options.count) {
      std::cerr << options.identities << " holds " << identities.size() << " identities, fewer than --count "
                << options.count << "\n";
      return 1;
    }
    identities.resize(static_cast<std::size_t>(options.count));
  }
  if (identities.empty()) {
    std::cerr << "no identities in " << options.identities << "\n";
    return 1;
  }
  state.spec = Spec(options);
  state.inventory_template = InventoryOf(state.spec, "template");
  state.samples = gpuaas::agent::session::SamplesOf(state.inventory_template.gpus);
  std::random_device seed;
  for (auto& identity : identities) state.nodes.push_back(std::make_unique<Node>(std::move(identity), seed()));
  state.gate.free = options.openers;

  asio::io_context io(1);
  int exit_status = 1;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (ec) return;
    state.options.run_s = 1;  // the ticker stops at its next second
  });
  for (auto& node : state.nodes) asio::co_spawn(io, Lifecycle(state, *node), asio::detached);
  asio::co_spawn(io, Ticker(state, io, exit_status), asio::detached);
  io.run();
  std::fflush(stdout);
  return exit_status;
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = ParseArgs(argc, argv);
  const int status = options.mode == "enroll" ? RunEnroll(options) : RunAgents(options);
  std::fflush(stdout);
  std::_Exit(status);
}
