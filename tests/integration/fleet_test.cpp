// The fleet end to end with the real agent binary (simulated GPUs): a site, a bootstrap
// token, enrollment, heartbeats, offline detection when the agent dies, node operations
// reaching the agent, retirement, and tokens that are refused once used or revoked.
// Runs on SQLite and on PostgreSQL.
#include "tests/integration/fleet_harness.hpp"

namespace gpuaas::testing {
namespace {

class FleetTest : public FleetHarness {};

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
