// A node's life after enrollment, with the real agent: certificate renewal over the stream with a
// one-minute certificate, rotation by operation (the old certificate refused at once), re-enrollment
// that keeps the node's identity, the fleet reconnecting after a server restart, and sockets that
// never prove themselves being dropped. Runs on SQLite and on PostgreSQL.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "shared/secret.hpp"
#include "tests/integration/fleet_harness.hpp"

namespace gpuaas::testing {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

class FleetLifecycleTest : public FleetHarness {};

// The shortest lifetime the server allows: the agent renews two thirds in (about 40 s).
class FleetRenewalTest : public FleetHarness {
 protected:
  FleetRenewalTest() : FleetHarness({{"node_certificate_lifetime_seconds", "60"}}) {}
};

// The release the server publishes: the agent binary with a marker appended, so its SHA-256 differs
// from the running agent's and still runs (an ELF ignores trailing bytes). It lives outside the
// server's own temporary directory because the server's settings are made before the fixture.
const std::filesystem::path& ReleaseFile() {
  static const TempDir dir;
  static const std::filesystem::path file = [] {
    const auto path = dir.path() / "gpuaas-agent";
    std::filesystem::copy_file(GPUAAS_AGENT_BINARY, path);
    std::ofstream(path, std::ios::binary | std::ios::app) << "\n# gpuaas test release\n";
    return path;
  }();
  return file;
}

class FleetUpdateTest : public FleetHarness {
 protected:
  FleetUpdateTest() : FleetHarness({{"agent_binary_file", ReleaseFile().string()}, {"agent_version", "0.1.0"}}) {
    // The agent runs from its own copy: the update replaces that file, not the build's.
    std::filesystem::create_directories(dir_.path() / "bin");
    agent_binary_ = dir_.path() / "bin" / "gpuaas-agent";
    std::filesystem::copy_file(GPUAAS_AGENT_BINARY, agent_binary_);
  }
};

bool HasRenewed(const json::object& node, const std::string& old_serial) {
  const auto serial = CertificateSerial(node);
  const auto& renewed_at = node.at("posture").at("certificate").at("last_renewal_at");
  return !serial.empty() && serial != old_serial && renewed_at.is_string();
}

// Runs the agent from a copy of a data directory taken earlier (the same key and certificate as then).
std::filesystem::path CopyDataDir(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
  return to;
}

TEST_F(FleetRenewalTest, AOneMinuteCertificateRenewsOverTheStreamOnceAtTwoThirds) {
  auto node = EnrollOnlineNode();
  ASSERT_FALSE(node.id.empty());
  const auto first = Node(node.id);
  const auto first_serial = CertificateSerial(first);
  ASSERT_FALSE(first_serial.empty()) << json::serialize(first);
  const std::string first_not_after(first.at("posture").at("certificate").at("not_after").as_string());

  const auto renewed = WaitNode(
      node.id, [&](const json::object& n) { return HasRenewed(n, first_serial); }, 75s, "renewed");
  ASSERT_TRUE(HasRenewed(renewed, first_serial));
  const auto& certificate = renewed.at("posture").at("certificate");
  EXPECT_GT(std::string(certificate.at("not_after").as_string()), first_not_after);
  EXPECT_TRUE(certificate.at("last_renewal_error").is_null()) << json::serialize(renewed);
  EXPECT_TRUE(Connected(renewed));
  EXPECT_TRUE(StateIs(renewed, "online"));

  // Not again at once: the next renewal is due two thirds into the new certificate.
  const auto renewed_serial = CertificateSerial(renewed);
  std::this_thread::sleep_for(5s);
  const auto later = Node(node.id);
  EXPECT_EQ(CertificateSerial(later), renewed_serial) << json::serialize(later);
  EXPECT_TRUE(Connected(later));

  const auto activity = admin_.Get("/api/v1/activity?resource=node:" + node.id);
  ASSERT_EQ(activity.status, 200) << activity.body;
  EXPECT_NE(activity.body.find("node.certificate_renewed"), std::string::npos) << activity.body;
}

TEST_F(FleetLifecycleTest, RotatingTheCertificateRefusesTheOldOneAtOnce) {
  auto node = EnrollOnlineNode();
  ASSERT_FALSE(node.id.empty());
  const auto old_serial = CertificateSerial(Node(node.id));
  const auto old_identity = CopyDataDir(node.data_dir, dir_.path() / "old-identity");

  const auto rotate = RunOperation("node.rotate_certificate", node.id);
  ASSERT_EQ(State(rotate), "succeeded") << json::serialize(rotate);
  const auto rotated = WaitNode(
      node.id, [&](const json::object& n) { return HasRenewed(n, old_serial) && Connected(n); }, 20s,
      "rotated and connected");
  EXPECT_TRUE(StateIs(rotated, "online"));

  // The key and certificate from before the rotation no longer get in, and do not displace the
  // node's real connection.
  const auto log = dir_.path() / "old-identity.log";
  AgentProcess impostor(old_identity, log);
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (ReadFile(log).find("node_refused") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  const auto refused = ReadFile(log);
  EXPECT_NE(refused.find("node_refused"), std::string::npos) << refused;
  EXPECT_NE(refused.find("revoked"), std::string::npos) << refused;
  const auto after = Node(node.id);
  EXPECT_TRUE(Connected(after)) << json::serialize(after);
  EXPECT_EQ(CertificateSerial(after), CertificateSerial(rotated));
}

TEST_F(FleetLifecycleTest, ReEnrollmentKeepsTheNodesIdentityAndRevokesItsOldCertificate) {
  auto node = EnrollOnlineNode();
  ASSERT_FALSE(node.id.empty());
  const auto old_serial = CertificateSerial(Node(node.id));
  node.agent->Stop();
  const auto old_identity = CopyDataDir(node.data_dir, dir_.path() / "old-identity");

  const auto [token_id, secret] = CreateToken(node.site_id, node.id);
  ASSERT_FALSE(secret.empty());
  const auto without_force = Enroll(secret, node.data_dir);
  EXPECT_NE(without_force.code, 0) << "an enrolled data directory is kept unless --force";
  const auto enrolled = Enroll(secret, node.data_dir, /*force=*/true);
  ASSERT_EQ(enrolled.code, 0) << enrolled.output;

  node.agent = std::make_unique<AgentProcess>(node.data_dir, dir_.path() / "agent-again.log");
  const auto back = WaitNode(
      node.id, [&](const json::object& n) { return Connected(n) && CertificateSerial(n) != old_serial; }, 20s,
      "back with a new certificate");
  EXPECT_TRUE(StateIs(back, "online"));
  const auto nodes = Nodes();
  ASSERT_EQ(nodes.size(), 1U) << "re-enrollment must not make a second node";
  EXPECT_EQ(nodes.front().at("id").as_string(), node.id);

  const auto log = dir_.path() / "old-identity.log";
  AgentProcess old(old_identity, log);
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (ReadFile(log).find("node_refused") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_NE(ReadFile(log).find("revoked"), std::string::npos) << ReadFile(log);
  EXPECT_TRUE(Connected(Node(node.id)));
}

TEST_F(FleetLifecycleTest, AgentsReconnectAfterAServerRestartAndTheFleetConverges) {
  auto node = EnrollOnlineNode();
  ASSERT_FALSE(node.id.empty());
  const auto [second_token, second_secret] = CreateToken(node.site_id);
  const auto second_dir = dir_.path() / "agent-2";
  ASSERT_EQ(Enroll(second_secret, second_dir).code, 0);
  AgentProcess second(second_dir, dir_.path() / "agent-2.log");
  WaitNode(
      node.id, [](const json::object& n) { return Connected(n); }, 20s, "connected");

  server_.Restart();

  const auto deadline = std::chrono::steady_clock::now() + 45s;
  json::array items;
  auto converged = [&items] {
    if (items.size() != 2) return false;
    return std::all_of(items.begin(), items.end(), [](const json::value& n) {
      return StateIs(n.as_object(), "online") && Connected(n.as_object());
    });
  };
  while (std::chrono::steady_clock::now() < deadline) {
    items = Nodes();
    if (converged()) break;
    std::this_thread::sleep_for(200ms);
  }
  EXPECT_TRUE(converged()) << json::serialize(items);
}

TEST_F(FleetUpdateTest, UpdateAgentInstallsThePublishedReleaseAndTheNodeComesBackOnIt) {
  const auto release = admin_.Get("/api/v1/agent/release");
  ASSERT_EQ(release.status, 200) << release.body;
  const std::string sha256(release.json.at("sha256").as_string());
  EXPECT_EQ(sha256, Sha256Hex(ReadFile(ReleaseFile())));
  EXPECT_EQ(release.json.at("version").as_string(), "0.1.0");
  const std::string download_path(release.json.at("download_path").as_string());
  EXPECT_EQ(admin_.Get("/api/v1/agent/releases/" + std::string(64, '0') + "/gpuaas-agent").status, 404);

  auto node = EnrollOnlineNode();
  ASSERT_FALSE(node.id.empty());
  const auto before = Node(node.id);
  const std::string connected_since(before.at("posture").at("connected_since").as_string());

  const auto unknown =
      admin_.Post("/api/v1/operations", R"({"kind":"node.update_agent","target":{"type":"node","id":")" + node.id +
                                            R"("},"params":{"version":"9.9.9"}})");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_NE(unknown.body.find("params.version"), std::string::npos) << unknown.body;

  const auto update = RunOperation("node.update_agent", node.id);
  ASSERT_EQ(State(update), "succeeded") << json::serialize(update);
  EXPECT_NE(json::serialize(update).find(sha256), std::string::npos) << json::serialize(update);

  // The agent's executable is the release now; the binary it replaced is kept beside it.
  EXPECT_EQ(Sha256Hex(ReadFile(agent_binary_)), sha256);
  auto previous = agent_binary_;
  previous += ".previous";
  EXPECT_EQ(Sha256Hex(ReadFile(previous)), Sha256Hex(ReadFile(GPUAAS_AGENT_BINARY)));
  const auto after = WaitNode(
      node.id, [](const json::object& n) { return Connected(n) && StateIs(n, "online"); }, 20s, "back online");
  EXPECT_GT(std::string(after.at("posture").at("connected_since").as_string()), connected_since);
  EXPECT_EQ(std::string(after.at("agent_version").as_string()).rfind("0.1.0", 0), 0U) << json::serialize(after);

  const auto setup = admin_.Get("/api/v1/platform/setup");
  ASSERT_EQ(setup.status, 200) << setup.body;
  EXPECT_NE(setup.body.find(sha256), std::string::npos) << "the checklist names the published release";
}

TEST_F(FleetLifecycleTest, ASocketThatSendsNoHelloIsClosedAfterTheWindow) {
  boost::asio::io_context io;
  websocket::stream<beast::tcp_stream> ws(io);
  beast::get_lowest_layer(ws).connect(
      boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server_.port()));
  beast::get_lowest_layer(ws).expires_after(20s);
  ws.handshake("127.0.0.1:" + std::to_string(server_.port()), "/ws/v1/agent");

  beast::flat_buffer buffer;
  ws.read(buffer);
  EXPECT_NE(beast::buffers_to_string(buffer.data()).find("challenge"), std::string::npos);
  buffer.consume(buffer.size());

  // Silence: the server names why and closes (offline window: 3 s here).
  const auto opened = std::chrono::steady_clock::now();
  ws.read(buffer);
  const auto refusal = beast::buffers_to_string(buffer.data());
  EXPECT_NE(refusal.find("no hello within"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("unauthenticated"), std::string::npos) << refusal;
  buffer.consume(buffer.size());
  beast::error_code ec;
  ws.read(buffer, ec);
  EXPECT_EQ(ec, websocket::error::closed) << ec.message();
  EXPECT_LT(std::chrono::steady_clock::now() - opened, 15s);
}

}  // namespace
}  // namespace gpuaas::testing
