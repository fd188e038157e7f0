#include "agent/tasks/local_tasks.hpp"

#include <gtest/gtest.h>

#include "agent/testing/test_node.hpp"
#include "tests/support/manual_clock.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::tasks {
namespace {

namespace fleet = wire::fleet;

class LocalTasksTest : public ::testing::Test {
 protected:
  LocalTasksTest() : store_(dir_.path() / "agent") {
    testing::SaveTestNode(store_, testing::MakeTestNode(clock_.Now()));
    options_ = *inventory::MakeInventoryOptions("2xH100", store_.data_dir());
    options_.nvml_library = "/nonexistent/libnvidia-ml.so.1";  // only the simulation may answer
    options_.nvidia_smi = "/nonexistent/nvidia-smi";
  }

  std::vector<fleet::TaskUpdateFrame> Run(std::string kind, boost::json::object params = {}) {
    const TaskEnvironment environment{
        .store = store_, .inventory = options_, .clock = clock_, .recent_log = &log_, .started_at = clock_.Now()};
    return RunLocalTask({.task_id = "task_1", .kind = std::move(kind), .params = std::move(params)}, environment);
  }

  static const boost::json::object* Check(const boost::json::object& result, std::string_view name) {
    for (const auto& check : result.at("checks").as_array()) {
      if (check.as_object().at("name").as_string() == name) return &check.as_object();
    }
    return nullptr;
  }

  gpuaas::testing::TempDir dir_;
  gpuaas::testing::ManualClock clock_;
  state::StateStore store_;
  inventory::InventoryOptions options_;
  RecentLogSink log_{10, false};
};

void ExpectRunningThen(const std::vector<fleet::TaskUpdateFrame>& updates, std::string_view final_state) {
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[0].task_id, "task_1");
  EXPECT_EQ(updates[0].state, "running");
  EXPECT_EQ(updates[1].task_id, "task_1");
  EXPECT_EQ(updates[1].state, final_state);
  EXPECT_EQ(updates[1].error.has_value(), final_state == "failed");
  // Whatever the agent sends must be what the server's reader takes.
  for (const auto& update : updates) EXPECT_TRUE(fleet::DecodeFrame(fleet::EncodeFrame(update)).ok());
}

TEST_F(LocalTasksTest, ProbeReportsEveryCheck) {
  const auto updates = Run(std::string(fleet::kTaskProbe));
  ExpectRunningThen(updates, "succeeded");
  const auto& result = updates[1].result;
  for (const auto* name : {"data_dir_writable", "private_key_readable", "certificate_readable", "certificate_valid",
                           "gpu_source", "clock"}) {
    const auto* check = Check(result, name);
    ASSERT_NE(check, nullptr) << name;
    EXPECT_TRUE(check->at("ok").as_bool()) << name << ": " << check->at("detail").as_string();
  }
  EXPECT_NE(std::string(Check(result, "gpu_source")->at("detail").as_string()).find("simulated: 2 GPUs"),
            std::string::npos);
}

TEST_F(LocalTasksTest, ProbeFailsTheCertificateCheckWhenItIsMissing) {
  std::filesystem::remove(store_.PathOf(state::kCertificateFile));
  const auto updates = Run(std::string(fleet::kTaskProbe));
  ExpectRunningThen(updates, "succeeded");
  EXPECT_FALSE(Check(updates[1].result, "certificate_readable")->at("ok").as_bool());
  EXPECT_FALSE(Check(updates[1].result, "certificate_valid")->at("ok").as_bool());
}

TEST_F(LocalTasksTest, RefreshInventoryReturnsAnInventoryTheServerAccepts) {
  const auto updates = Run(std::string(fleet::kTaskRefreshInventory));
  ExpectRunningThen(updates, "succeeded");
  const auto inventory = fleet::HostInventoryFromJson(updates[1].result.at("inventory"));
  ASSERT_TRUE(inventory.ok()) << inventory.error().message();
  EXPECT_TRUE(inventory->simulated);
  EXPECT_EQ(inventory->gpus.size(), 2u);
}

TEST_F(LocalTasksTest, DrainStopsNoWorkloadsYet) {
  const auto updates = Run(std::string(fleet::kTaskDrain), {{"timeout_seconds", 30}});
  ExpectRunningThen(updates, "succeeded");
  EXPECT_EQ(updates[1].result.at("workloads_stopped").as_int64(), 0);
}

TEST_F(LocalTasksTest, DrainRefusesANegativeTimeout) {
  const auto updates = Run(std::string(fleet::kTaskDrain), {{"timeout_seconds", -1}});
  ExpectRunningThen(updates, "failed");
  EXPECT_NE(updates[1].error->find("timeout_seconds"), std::string::npos);
}

TEST_F(LocalTasksTest, DiagnosticsCarryTheRecentLog) {
  log_.Write(R"({"event":"hello"})");
  const auto updates = Run(std::string(fleet::kTaskCollectDiagnostics));
  ExpectRunningThen(updates, "succeeded");
  const auto& result = updates[1].result;
  EXPECT_EQ(result.at("gpu_source").as_string(), "simulated");
  EXPECT_TRUE(result.at("certificate_not_after").is_string());
  ASSERT_EQ(result.at("recent_log").as_array().size(), 1u);
}

TEST_F(LocalTasksTest, FailsAnUnknownKind) {
  const auto updates = Run("reticulate_splines");
  ExpectRunningThen(updates, "failed");
  EXPECT_EQ(*updates[1].error, "unknown task kind: reticulate_splines");
  EXPECT_TRUE(IsSessionTask(fleet::kTaskRestartAgent));
  EXPECT_FALSE(IsSessionTask("reticulate_splines"));
}

}  // namespace
}  // namespace gpuaas::agent::tasks
