#include "agent/session/agent_session.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <functional>

#include "agent/testing/test_node.hpp"
#include "shared/pki/challenge.hpp"
#include "shared/rfc3339.hpp"
#include "tests/support/manual_clock.hpp"
#include "tests/support/temp_dir.hpp"
#include "wire/error_envelope.hpp"

namespace gpuaas::agent::session {
namespace {

namespace fleet = wire::fleet;

// Plays the server: hands out `incoming` in order, lets `react` answer what the agent sends, and
// reports the stream closed once it has nothing more to say.
class ScriptedConnection final : public transport::FrameConnection {
 public:
  Status Send(std::string text) override {
    auto frame = fleet::DecodeFrame(text);
    EXPECT_TRUE(frame.ok()) << text;
    if (frame.ok()) sent.push_back(*frame);
    if (frame.ok() && react) react(*frame);
    return Ok();
  }
  Result<std::optional<std::string>> Receive(std::chrono::milliseconds) override {
    if (incoming.empty()) return Error::Unavailable("the test server closed the stream");
    auto text = std::move(incoming.front());
    incoming.pop_front();
    return std::optional<std::string>(std::move(text));
  }
  void Close() override {}

  void Push(const fleet::AgentFrame& frame) { incoming.push_back(fleet::EncodeFrame(frame)); }

  std::deque<std::string> incoming;
  std::vector<fleet::AgentFrame> sent;
  std::function<void(const fleet::AgentFrame&)> react;
};

const std::string kNonce(32, 'n');

class AgentSessionTest : public ::testing::Test {
 protected:
  AgentSessionTest() : store_(dir_.path()), node_(testing::MakeTestNode(clock_.Now())) {
    testing::SaveTestNode(store_, node_);
    options_ = *inventory::MakeInventoryOptions("2xH100", store_.data_dir());
    options_.nvml_library = "/nonexistent/libnvidia-ml.so.1";
    options_.nvidia_smi = "/nonexistent/nvidia-smi";
  }

  SessionOutcome RunSession() {
    const SessionContext context{.tasks = {.store = store_,
                                           .inventory = options_,
                                           .clock = clock_,
                                           .recent_log = nullptr,
                                           .started_at = clock_.Now()},
                                 .server = server_,
                                 .executable = executable_,
                                 .renewal = renewal_,
                                 .stop_requested = stop_};
    return AgentSession(context, connection_).Run();
  }

  void Welcome(const std::vector<fleet::TaskFrame>& tasks = {}) {
    connection_.Push(fleet::ChallengeFrame{kNonce});
    connection_.Push(fleet::WelcomeFrame{.node_id = node_.state.node_id,
                                         .node_state = "online",
                                         .heartbeat_interval_seconds = 10,
                                         .desired_agent_version = std::nullopt});
    for (const auto& task : tasks) connection_.Push(task);
  }

  template <typename Frame>
  const Frame& Sent(std::size_t index) {
    EXPECT_GT(connection_.sent.size(), index);
    const auto* frame = std::get_if<Frame>(&connection_.sent.at(index));
    EXPECT_NE(frame, nullptr) << "frame " << index << " has another type";
    return *frame;
  }

  gpuaas::testing::TempDir dir_;
  gpuaas::testing::ManualClock clock_;
  state::StateStore store_;
  testing::TestNode node_;
  inventory::InventoryOptions options_;
  CertificateRenewal renewal_{store_, clock_, 1};
  std::atomic<bool> stop_{false};
  ScriptedConnection connection_;
  // Nothing listens on port 1: a download from this "server" fails at once.
  transport::ServerEndpoint server_{.tls = false, .host = "127.0.0.1", .port = "1", .host_header = "127.0.0.1:1"};
  std::filesystem::path executable_ = dir_.path() / "gpuaas-agent";
};

TEST_F(AgentSessionTest, AnswersTheChallengeThenBeatsAndRunsTasks) {
  Welcome({{.task_id = "task_1", .kind = "drain", .params = {}}});
  const auto outcome = RunSession();
  EXPECT_EQ(outcome.end, SessionEnd::kDisconnected);
  EXPECT_TRUE(outcome.welcomed);
  ASSERT_EQ(connection_.sent.size(), 4u);

  const auto& hello = Sent<fleet::HelloFrame>(0);
  EXPECT_EQ(hello.node_id, node_.state.node_id);
  EXPECT_EQ(hello.certificate_pem, node_.certificate.cert_pem);
  EXPECT_TRUE(pki::VerifyChallenge(hello.certificate_pem, kNonce, hello.signature).ok());
  EXPECT_TRUE(hello.inventory.simulated);
  EXPECT_FALSE(hello.posture.last_renewal_error.has_value());

  const auto& heartbeat = Sent<fleet::HeartbeatFrame>(1);
  EXPECT_EQ(heartbeat.seq, 1);
  EXPECT_EQ(heartbeat.gpus.size(), 2u);
  EXPECT_EQ(Sent<fleet::TaskUpdateFrame>(2).state, "running");
  EXPECT_EQ(Sent<fleet::TaskUpdateFrame>(3).state, "succeeded");
}

TEST_F(AgentSessionTest, ARefusedHelloIsARejection) {
  connection_.Push(fleet::ChallengeFrame{kNonce});
  connection_.incoming.push_back(
      wire::RenderErrorEnvelope(Error::Unauthenticated("this node's certificate is revoked"), "req_1"));
  const auto outcome = RunSession();
  EXPECT_EQ(outcome.end, SessionEnd::kRejected);
  EXPECT_FALSE(outcome.welcomed);
  EXPECT_NE(outcome.reason.find("revoked"), std::string::npos) << outcome.reason;
}

TEST_F(AgentSessionTest, RenewsOnATaskWithANewKey) {
  Welcome({{.task_id = "task_r", .kind = "renew_certificate", .params = {}}});
  connection_.react = [&](const fleet::AgentFrame& frame) {
    if (const auto* renew = std::get_if<fleet::RenewFrame>(&frame)) {
      const auto issued = pki::SignNodeCertificate(node_.ca, renew->csr_pem, node_.state.node_id, clock_.Now());
      ASSERT_TRUE(issued.ok()) << issued.error().message();
      connection_.Push(
          fleet::CertificateFrame{.certificate_pem = issued->cert_pem, .not_after = FormatRfc3339(issued->not_after)});
    }
  };
  RunSession();
  ASSERT_EQ(connection_.sent.size(), 5u);
  EXPECT_EQ(Sent<fleet::TaskUpdateFrame>(2).state, "running");
  (void)Sent<fleet::RenewFrame>(3);
  const auto& done = Sent<fleet::TaskUpdateFrame>(4);
  EXPECT_EQ(done.state, "succeeded");
  EXPECT_TRUE(done.result.contains("not_after"));
  const auto identity = store_.LoadIdentity();
  EXPECT_NE(identity->private_key_pem, node_.key.private_key_pem);
  EXPECT_NE(identity->certificate_pem, node_.certificate.cert_pem);
  EXPECT_TRUE(store_.LoadState()->last_renewal_at.has_value());
}

TEST_F(AgentSessionTest, RecordsARefusedRenewal) {
  Welcome({{.task_id = "task_r", .kind = "renew_certificate", .params = {}}});
  connection_.react = [&](const fleet::AgentFrame& frame) {
    if (std::holds_alternative<fleet::RenewFrame>(frame)) connection_.Push(fleet::RenewFailedFrame{"CA unavailable"});
  };
  RunSession();
  const auto& failed = Sent<fleet::TaskUpdateFrame>(4);
  EXPECT_EQ(failed.state, "failed");
  EXPECT_EQ(*failed.error, "CA unavailable");
  EXPECT_NE(store_.LoadState()->last_renewal_error->find("CA unavailable"), std::string::npos);
  EXPECT_EQ(store_.LoadIdentity()->private_key_pem, node_.key.private_key_pem);
}

TEST_F(AgentSessionTest, RestartsAfterReportingSuccess) {
  Welcome({{.task_id = "task_x", .kind = "restart_agent", .params = {}}});
  const auto outcome = RunSession();
  EXPECT_EQ(outcome.end, SessionEnd::kRestart);
  EXPECT_EQ(Sent<fleet::TaskUpdateFrame>(3).state, "succeeded");
}

TEST_F(AgentSessionTest, ASelfUpdateThatCannotDownloadFailsAndTheAgentKeepsRunning) {
  const boost::json::object params{
      {"download_path", "/api/v1/agent/releases/" + std::string(64, 'a') + "/gpuaas-agent"},
      {"sha256", std::string(64, 'a')},
      {"version", "9.9.9"}};
  Welcome({{.task_id = "task_u", .kind = "self_update", .params = params}});
  const auto outcome = RunSession();
  EXPECT_EQ(outcome.end, SessionEnd::kDisconnected) << "no restart after a failed update";
  const auto& failed = Sent<fleet::TaskUpdateFrame>(3);
  EXPECT_EQ(failed.state, "failed");
  EXPECT_NE(failed.error->find("could not reach the server"), std::string::npos) << *failed.error;
  EXPECT_FALSE(std::filesystem::exists(executable_));
}

}  // namespace
}  // namespace gpuaas::agent::session
