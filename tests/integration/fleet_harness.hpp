// What the fleet's integration tests share: the real agent binary run as a child process
// (enroll to completion, `run` in the background) and a fixture around a real server with fast
// heartbeats, with the polling helpers that follow a node through its states.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/api_client.hpp"
#include "tests/support/raw_http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_server.hpp"

#ifndef GPUAAS_AGENT_BINARY
#error "GPUAAS_AGENT_BINARY names the gpuaas-agent under test"
#endif

namespace gpuaas::testing {

namespace json = boost::json;

using namespace std::chrono_literals;

struct ExitResult {
  int code = -1;
  std::string output;  // stdout and stderr together
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts the agent with `args`, stdout and stderr going to `log` (truncated or appended to).
inline pid_t SpawnAgent(const std::vector<std::string>& args, const std::filesystem::path& log, int log_mode,
                        const std::filesystem::path& executable = GPUAAS_AGENT_BINARY) {
  std::vector<std::string> argv_s{executable.string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | log_mode, 0600);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    // Nothing of the test process past stdio: an inherited listening socket would keep the
    // server's port bound after it stops, and a restart on that port would fail.
    close_range(3, ~0U, 0);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Runs the agent to completion with its output captured in a file.
inline ExitResult RunAgent(const std::vector<std::string>& args, const std::filesystem::path& log) {
  const pid_t pid = SpawnAgent(args, log, O_TRUNC);
  ExitResult result;
  int status = 0;
  if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) result.code = WEXITSTATUS(status);
  result.output = ReadFile(log);
  return result;
}

// `gpuaas-agent run` as a child process; SIGTERM then SIGKILL when it dies, so it never leaks.
class AgentProcess {
 public:
  AgentProcess(const std::filesystem::path& data_dir, const std::filesystem::path& log,
               const std::filesystem::path& executable = GPUAAS_AGENT_BINARY)
      : pid_(SpawnAgent({"run", "--data-dir", data_dir.string()}, log, O_APPEND, executable)) {}
  ~AgentProcess() { Stop(); }
  AgentProcess(const AgentProcess&) = delete;
  AgentProcess& operator=(const AgentProcess&) = delete;

  void Kill() { Signal(SIGKILL, 0ms); }
  void Stop() { Signal(SIGTERM, 5s); }
  [[nodiscard]] bool running() const { return pid_ > 0; }

 private:
  void Signal(int sig, std::chrono::milliseconds grace) {
    if (pid_ <= 0) return;
    kill(pid_, sig);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() >= deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(20ms);
    }
    pid_ = -1;
  }
  pid_t pid_ = -1;
};

inline std::string CertificateSerial(const json::object& node) {
  if (!node.contains("posture")) return "";
  const auto& serial = node.at("posture").at("certificate").at("serial");
  return serial.is_string() ? std::string(serial.as_string()) : "";
}

// Heartbeats every second, offline after three; `extra` adds or overrides server settings.
class FleetHarness : public ::testing::Test {
 protected:
  explicit FleetHarness(const TestServer::Settings& extra = {}) : server_(WithFastLiveness(extra)) {}

  static TestServer::Settings WithFastLiveness(TestServer::Settings settings) {
    settings.try_emplace("node_heartbeat_seconds", "1");
    settings.try_emplace("node_offline_after_seconds", "3");
    settings.try_emplace("worker_poll_ms", "20");
    return settings;
  }

  TestServer server_;
  std::filesystem::path agent_binary_ = GPUAAS_AGENT_BINARY;  // what EnrollOnlineNode runs
  ApiClient admin_ = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  TempDir dir_;

  std::string CreateSite() {
    const auto reply = admin_.Post("/api/v1/sites", R"({"name":"lab","region":"eu"})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.Str("id");
  }

  // Returns {token id, secret}.
  // `node_id`: a re-enrollment token for that node, which keeps its identity and history.
  std::pair<std::string, std::string> CreateToken(const std::string& site_id, const std::string& node_id = "") {
    // The token carries the server URL from the Host header; ApiClient sends "localhost"
    // without the port, so this request names the real loopback address itself.
    std::string body = R"({"site_id":")" + site_id + R"(","profile":"standard")";
    body += node_id.empty() ? "}" : R"(,"node_id":")" + node_id + R"("})";
    const std::string request =
        "POST /api/v1/bootstrap-tokens HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server_.port()) +
        "\r\nContent-Type: application/json\r\n" + "Content-Length: " + std::to_string(body.size()) +
        "\r\nCookie: " + admin_.cookie + "\r\nX-CSRF-Token: " + admin_.csrf_token + "\r\n\r\n" + body;
    RawHttpClient http(server_.port());
    EXPECT_TRUE(http.SendRaw(request));
    const auto reply = http.ReadReply();
    if (!reply) {
      ADD_FAILURE() << "no reply to POST /api/v1/bootstrap-tokens";
      return {};
    }
    EXPECT_EQ(reply->status, 201) << reply->body;
    if (reply->status != 201) return {};
    const auto parsed = json::parse(reply->body);
    return {std::string(parsed.at("token").at("id").as_string()), std::string(parsed.at("secret").as_string())};
  }

  ExitResult Enroll(const std::string& secret, const std::filesystem::path& data_dir, bool force = false) {
    std::filesystem::create_directories(data_dir);
    std::vector<std::string> args{"enroll",          "--token",         secret,  "--data-dir",
                                  data_dir.string(), "--simulate-gpus", "8xH100"};
    if (force) args.emplace_back("--force");
    return RunAgent(args, dir_.path() / "enroll.log");
  }

  // One node enrolled and online, its agent running from `data_dir`.
  struct OnlineNode {
    std::string id;
    std::string site_id;
    std::filesystem::path data_dir;
    std::unique_ptr<AgentProcess> agent;
  };
  OnlineNode EnrollOnlineNode(const std::string& name = "agent") {
    OnlineNode node;
    node.site_id = CreateSite();
    const auto [token_id, secret] = CreateToken(node.site_id);
    node.data_dir = dir_.path() / name;
    const auto enrolled = Enroll(secret, node.data_dir);
    EXPECT_EQ(enrolled.code, 0) << enrolled.output;
    if (enrolled.code != 0) return node;
    node.agent = std::make_unique<AgentProcess>(node.data_dir, dir_.path() / (name + ".log"), agent_binary_);
    node.id = WaitSingleNodeId();
    if (!node.id.empty()) {
      WaitNode(
          node.id, [](const json::object& n) { return StateIs(n, "online") && Connected(n); }, 20s, "online");
    }
    return node;
  }

  json::array Nodes() {
    const auto reply = admin_.Get("/api/v1/nodes");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.json.at("items").as_array() : json::array{};
  }

  json::object Node(const std::string& id) {
    const auto reply = admin_.Get("/api/v1/nodes/" + id);
    return reply.status == 200 ? reply.json.as_object() : json::object{};
  }

  // Polls GET /nodes/{id} until `predicate` holds (`timeout` at most); returns the last view.
  template <typename Predicate>
  json::object WaitNode(const std::string& id, Predicate predicate, std::chrono::seconds timeout,
                        const std::string& what) {
    json::object last;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      last = Node(id);
      if (!last.empty() && predicate(last)) return last;
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "node " << id << " never became " << what << ": " << json::serialize(last);
    return last;
  }

  static bool StateIs(const json::object& node, const std::string& state) {
    return node.contains("state") && node.at("state").is_string() && node.at("state").as_string() == state;
  }
  static bool Connected(const json::object& node) {
    return node.contains("connected") && node.at("connected").is_bool() && node.at("connected").as_bool();
  }

  std::string WaitSingleNodeId() {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto items = Nodes();
      if (!items.empty()) return std::string(items.front().at("id").as_string());
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "no node appeared";
    return {};
  }

  json::object WaitTokenReady(const std::string& token_id) {
    json::object last;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto reply = admin_.Get("/api/v1/bootstrap-tokens/" + token_id);
      if (reply.status == 200) last = reply.json.as_object();
      if (last.contains("progress") && last.at("progress").at("ready").as_bool()) return last;
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "token " << token_id << " never reached ready: " << json::serialize(last);
    return last;
  }

  // Starts a node operation and polls it until it finishes; returns its last view.
  json::object RunOperation(const std::string& kind, const std::string& node_id, const std::string& confirmation = "") {
    std::string body = R"({"kind":")" + kind + R"(","target":{"type":"node","id":")" + node_id + R"("})";
    if (!confirmation.empty()) body += R"(,"confirmation":")" + confirmation + R"(")";
    body += "}";
    const auto started = admin_.Post("/api/v1/operations", body);
    EXPECT_EQ(started.status, 202) << kind << ": " << started.body;
    if (started.status != 202) return {};
    const auto id = started.Str("id");
    json::object last;
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto reply = admin_.Get("/api/v1/operations/" + id);
      if (reply.status == 200) last = reply.json.as_object();
      if (last.contains("state") &&
          (last.at("state").as_string() == "succeeded" || last.at("state").as_string() == "failed")) {
        return last;
      }
      std::this_thread::sleep_for(50ms);
    }
    ADD_FAILURE() << kind << " never finished: " << json::serialize(last);
    return last;
  }

  static std::string State(const json::object& operation) {
    return operation.contains("state") ? std::string(operation.at("state").as_string()) : "";
  }
};

}  // namespace gpuaas::testing
