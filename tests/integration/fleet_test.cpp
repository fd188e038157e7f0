// The fleet end to end with the real agent binary (simulated GPUs): a site, a bootstrap
// token, enrollment, heartbeats, offline detection when the agent dies, node operations
// reaching the agent, retirement, and tokens that are refused once used or revoked.
// Runs on SQLite and on PostgreSQL.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>

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

namespace gpuaas::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

struct ExitResult {
  int code = -1;
  std::string output;  // stdout and stderr together
};

// Runs the agent to completion with its output captured in a file.
ExitResult RunAgent(const std::vector<std::string>& args, const std::filesystem::path& log) {
  std::vector<std::string> argv_s{GPUAAS_AGENT_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  ExitResult result;
  int status = 0;
  if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) result.code = WEXITSTATUS(status);
  std::ifstream in(log);
  std::stringstream buffer;
  buffer << in.rdbuf();
  result.output = buffer.str();
  return result;
}

// `gpuaas-agent run` as a child process; SIGTERM then SIGKILL when it dies, so it never leaks.
class AgentProcess {
 public:
  AgentProcess(const std::filesystem::path& data_dir, const std::filesystem::path& log) {
    std::vector<std::string> argv_s{GPUAAS_AGENT_BINARY, "run", "--data-dir", data_dir.string()};
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
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

class FleetTest : public ::testing::Test {
 protected:
  TestServer server_{TestServer::Settings{
      {"node_heartbeat_seconds", "1"}, {"node_offline_after_seconds", "3"}, {"worker_poll_ms", "20"}}};
  ApiClient admin_ = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  TempDir dir_;

  std::string CreateSite() {
    const auto reply = admin_.Post("/api/v1/sites", R"({"name":"lab","region":"eu"})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.Str("id");
  }

  // Returns {token id, secret}.
  std::pair<std::string, std::string> CreateToken(const std::string& site_id) {
    // The token carries the server URL from the Host header; ApiClient sends "localhost"
    // without the port, so this request names the real loopback address itself.
    const std::string body = R"({"site_id":")" + site_id + R"(","profile":"standard"})";
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

  ExitResult Enroll(const std::string& secret, const std::filesystem::path& data_dir) {
    std::filesystem::create_directories(data_dir);
    return RunAgent({"enroll", "--token", secret, "--data-dir", data_dir.string(), "--simulate-gpus", "8xH100"},
                    dir_.path() / "enroll.log");
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

TEST_F(FleetTest, EnrollsHeartbeatsAndGoesOfflineWhenKilled) {
  const auto site = CreateSite();
  const auto [token_id, secret] = CreateToken(site);
  ASSERT_FALSE(secret.empty());
  const auto data_dir = dir_.path() / "agent";
  const auto enrolled = Enroll(secret, data_dir);
  ASSERT_EQ(enrolled.code, 0) << enrolled.output;

  auto agent = std::make_unique<AgentProcess>(data_dir, dir_.path() / "run.log");
  const auto node_id = WaitSingleNodeId();
  ASSERT_FALSE(node_id.empty());
  WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "online") && Connected(n); }, 20s, "online");
  const auto items = Nodes();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items.front().at("state").as_string(), "online");
  EXPECT_TRUE(items.front().at("connected").as_bool());
  EXPECT_TRUE(items.front().at("simulated").as_bool());
  EXPECT_EQ(items.front().at("gpu_count").to_number<std::int64_t>(), 8);
  const auto counts = admin_.Get("/api/v1/nodes").json.at("counts");
  EXPECT_EQ(counts.at("total").to_number<std::int64_t>(), 1);

  const auto token = WaitTokenReady(token_id);
  const auto& progress = token.at("progress").as_object();
  for (const char* step :
       {"token_used", "enrolled", "first_heartbeat", "certificate_valid", "inventory_received", "ready"}) {
    EXPECT_TRUE(progress.at(step).as_bool()) << step << ": " << json::serialize(token);
  }

  // The same token again: refused, nothing new enrolled.
  const auto again = Enroll(secret, dir_.path() / "agent-again");
  EXPECT_NE(again.code, 0) << again.output;
  EXPECT_NE(again.output.find("unauthenticated"), std::string::npos) << again.output;
  EXPECT_EQ(Nodes().size(), 1U);

  // Killed without a goodbye: the liveness sweep marks the node offline.
  agent->Kill();
  WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "offline"); }, 15s, "offline");

  // Back with a fresh process.
  agent = std::make_unique<AgentProcess>(data_dir, dir_.path() / "run.log");
  WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "online") && Connected(n); }, 20s, "online again");
  EXPECT_EQ(Nodes().size(), 1U);
}

TEST_F(FleetTest, OperationsReachTheAgent) {
  const auto site = CreateSite();
  const auto [token_id, secret] = CreateToken(site);
  ASSERT_FALSE(secret.empty());
  const auto data_dir = dir_.path() / "agent";
  const auto enrolled = Enroll(secret, data_dir);
  ASSERT_EQ(enrolled.code, 0) << enrolled.output;
  AgentProcess agent(data_dir, dir_.path() / "run.log");
  const auto node_id = WaitSingleNodeId();
  ASSERT_FALSE(node_id.empty());
  const auto node = WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "online") && Connected(n); }, 20s, "online");
  const std::string name(node.at("name").as_string());

  const auto probe = RunOperation("node.probe", node_id);
  ASSERT_EQ(State(probe), "succeeded") << json::serialize(probe);
  const auto serialized = json::serialize(probe);
  for (const char* check : {"data_dir_writable", "certificate_valid", "gpu_source", "clock"}) {
    EXPECT_NE(serialized.find(check), std::string::npos) << check << " missing: " << serialized;
  }

  const auto cordon = RunOperation("node.cordon", node_id);
  ASSERT_EQ(State(cordon), "succeeded") << json::serialize(cordon);
  WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "cordoned"); }, 10s, "cordoned");

  const auto resume = RunOperation("node.resume", node_id);
  ASSERT_EQ(State(resume), "succeeded") << json::serialize(resume);
  WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "online"); }, 10s, "online after resume");

  const auto retire = RunOperation("node.retire", node_id, name);
  ASSERT_EQ(State(retire), "succeeded") << json::serialize(retire);
  WaitNode(
      node_id, [](const json::object& n) { return StateIs(n, "retired") && !Connected(n); }, 15s,
      "retired and disconnected");

  const auto activity = admin_.Get("/api/v1/activity?resource=node:" + node_id);
  EXPECT_EQ(activity.status, 200) << activity.body;
  if (activity.status == 200) {
    EXPECT_FALSE(activity.json.at("items").as_array().empty()) << activity.body;
  }

  // A fresh token enrolls a new node.
  const auto [second_id, second_secret] = CreateToken(site);
  ASSERT_FALSE(second_secret.empty());
  const auto second = Enroll(second_secret, dir_.path() / "agent-2");
  EXPECT_EQ(second.code, 0) << second.output;
  EXPECT_EQ(Nodes().size(), 2U);
}

TEST_F(FleetTest, RevokedTokenIsRefused) {
  const auto site = CreateSite();
  const auto [token_id, secret] = CreateToken(site);
  ASSERT_FALSE(secret.empty());
  const auto revoked = admin_.Delete("/api/v1/bootstrap-tokens/" + token_id);
  ASSERT_EQ(revoked.status, 204) << revoked.body;

  const auto enrolled = Enroll(secret, dir_.path() / "agent");
  EXPECT_NE(enrolled.code, 0) << enrolled.output;
  EXPECT_NE(enrolled.output.find("unauthenticated"), std::string::npos) << enrolled.output;
  EXPECT_TRUE(Nodes().empty());
  const auto token = admin_.Get("/api/v1/bootstrap-tokens/" + token_id);
  ASSERT_EQ(token.status, 200) << token.body;
  EXPECT_FALSE(token.json.at("progress").at("enrolled").as_bool()) << token.body;
}

}  // namespace
}  // namespace gpuaas::testing
