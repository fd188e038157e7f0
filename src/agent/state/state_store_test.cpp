#include "agent/state/state_store.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>

#include "agent/state/atomic_file.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::state {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

const AgentState kState{.node_id = "node_01",
                        .node_name = "gpu-host-1",
                        .server_url = "http://10.0.0.5:8080",
                        .simulate_gpus = std::nullopt,
                        .enrolled_at = "2026-03-01T10:00:00.000Z",
                        .last_renewal_at = "2026-03-05T10:00:00.000Z",
                        .last_renewal_error = std::nullopt};

TEST(StateStore, RoundTripsTheEnrollment) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path() / "agent");
  EXPECT_FALSE(store.HasEnrollment());
  ASSERT_TRUE(
      store.SaveEnrollment({.private_key_pem = "KEY", .certificate_pem = "CERT", .ca_certificate_pem = "CA"}, kState)
          .ok());
  EXPECT_TRUE(store.HasEnrollment());
  const auto state = store.LoadState();
  ASSERT_TRUE(state.ok()) << state.error().message();
  EXPECT_EQ(*state, kState);
  const auto identity = store.LoadIdentity();
  ASSERT_TRUE(identity.ok());
  EXPECT_EQ(identity->private_key_pem, "KEY");
  EXPECT_EQ(identity->certificate_pem, "CERT");
  EXPECT_EQ(identity->ca_certificate_pem, "CA");
}

TEST(StateStore, KeepsTheKeyAndStatePrivate) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path() / "agent");
  ASSERT_TRUE(
      store.SaveEnrollment({.private_key_pem = "KEY", .certificate_pem = "C", .ca_certificate_pem = "A"}, kState).ok());
  EXPECT_EQ(ModeOf(store.data_dir()), 0700u);
  EXPECT_EQ(ModeOf(store.PathOf(kKeyFile)), 0600u);
  EXPECT_EQ(ModeOf(store.PathOf(kStateFile)), 0600u);
  EXPECT_EQ(ModeOf(store.PathOf(kCertificateFile)), 0644u);
}

TEST(StateStore, ReplacesFilesAtomicallyWithoutLeftovers) {
  const gpuaas::testing::TempDir dir;
  const auto path = dir.path() / "file";
  ASSERT_TRUE(WriteFileAtomically(path, "old", 0600).ok());
  { std::ofstream(dir.path() / "file.tmp") << "a crashed write"; }  // must not stop the next one
  ASSERT_TRUE(WriteFileAtomically(path, "new", 0600).ok());
  EXPECT_EQ(*ReadTextFile(path), "new");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "file.tmp"));
}

TEST(StateStore, RefusesACorruptStateFileByName) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path());
  { std::ofstream(store.PathOf(kStateFile)) << R"({"node_id":"node_01","node_name":)"; }
  const auto state = store.LoadState();
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(state.error().message().find("state.json"), std::string::npos) << state.error().message();
  EXPECT_NE(state.error().message().find("corrupt"), std::string::npos) << state.error().message();
}

TEST(StateStore, RefusesAStateFileWithAnUnknownField) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path());
  auto text = RenderAgentState(kState);
  text.insert(1, R"("extra":1,)");
  ASSERT_TRUE(WriteFileAtomically(store.PathOf(kStateFile), text, 0600).ok());
  const auto state = store.LoadState();
  ASSERT_FALSE(state.ok());
  EXPECT_NE(state.error().message().find("extra"), std::string::npos) << state.error().message();
}

TEST(StateStore, SaysWhenTheHostIsNotEnrolled) {
  const gpuaas::testing::TempDir dir;
  const auto state = StateStore(dir.path() / "missing").LoadState();
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(state.error().message().find("enroll"), std::string::npos);
}

TEST(StateStore, InstallsARenewedKeyAndCertificateTogether) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path());
  ASSERT_TRUE(
      store.SaveEnrollment({.private_key_pem = "K1", .certificate_pem = "C1", .ca_certificate_pem = "A"}, kState).ok());
  ASSERT_TRUE(store.InstallRenewedIdentity("K2", "C2").ok());
  const auto identity = store.LoadIdentity();
  EXPECT_EQ(identity->private_key_pem, "K2");
  EXPECT_EQ(identity->certificate_pem, "C2");
  EXPECT_EQ(ModeOf(store.PathOf(kKeyFile)), 0600u);
  EXPECT_FALSE(std::filesystem::exists(store.PathOf("key.pem.next")));
}

TEST(StateStore, CompletesARenewalInterruptedBetweenTheRenames) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path());
  ASSERT_TRUE(
      store.SaveEnrollment({.private_key_pem = "K2", .certificate_pem = "C1", .ca_certificate_pem = "A"}, kState).ok());
  ASSERT_TRUE(WriteFileAtomically(store.PathOf("node.crt.next"), "C2", 0644).ok());  // key already moved
  EXPECT_EQ(store.LoadIdentity()->certificate_pem, "C2");
}

TEST(StateStore, DropsAHalfWrittenRenewal) {
  const gpuaas::testing::TempDir dir;
  const StateStore store(dir.path());
  ASSERT_TRUE(
      store.SaveEnrollment({.private_key_pem = "K1", .certificate_pem = "C1", .ca_certificate_pem = "A"}, kState).ok());
  ASSERT_TRUE(WriteFileAtomically(store.PathOf("key.pem.next"), "K2", 0600).ok());  // no certificate yet
  EXPECT_EQ(store.LoadIdentity()->private_key_pem, "K1");
  EXPECT_FALSE(std::filesystem::exists(store.PathOf("key.pem.next")));
}

}  // namespace
}  // namespace gpuaas::agent::state
