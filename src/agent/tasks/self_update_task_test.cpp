#include "agent/tasks/self_update_task.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "shared/secret.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::tasks {
namespace {

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class SelfUpdateTest : public ::testing::Test {
 protected:
  SelfUpdateTest() { std::ofstream(executable_, std::ios::binary) << "old binary"; }

  gpuaas::testing::TempDir dir_;
  std::filesystem::path executable_ = dir_.path() / "gpuaas-agent";
};

TEST_F(SelfUpdateTest, InstallsABinaryWhoseHashMatchesAndKeepsThePreviousOne) {
  const std::string binary =
      "new binary\x7f"
      "ELF";
  ASSERT_TRUE(InstallAgentBinary(executable_, binary, Sha256Hex(binary)).ok());
  EXPECT_EQ(Read(executable_), binary);
  auto previous = executable_;
  previous += ".previous";
  EXPECT_EQ(Read(previous), "old binary");
  struct stat info {};
  ASSERT_EQ(::stat(executable_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0755U);
}

TEST_F(SelfUpdateTest, RefusesABinaryWhoseHashDiffersAndChangesNothing) {
  const auto installed = InstallAgentBinary(executable_, "tampered", Sha256Hex("the real release"));
  ASSERT_FALSE(installed.ok());
  EXPECT_EQ(installed.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(installed.error().message().find("nothing was installed"), std::string::npos);
  EXPECT_EQ(Read(executable_), "old binary");
  auto previous = executable_;
  previous += ".previous";
  EXPECT_FALSE(std::filesystem::exists(previous));
}

TEST(SelfUpdateParams, NameThisServersReleasePathAndAFullHash) {
  const std::string hash(64, 'c');
  const std::string path = "/api/v1/agent/releases/" + hash + "/gpuaas-agent";
  const auto good = ParseSelfUpdateParams({{"download_path", path}, {"sha256", hash}, {"version", "0.2.0"}});
  ASSERT_TRUE(good.ok()) << good.error().message();
  EXPECT_EQ(good->version, "0.2.0");

  const auto field_of = [](const boost::json::object& params) {
    const auto parsed = ParseSelfUpdateParams(params);
    if (parsed.ok()) return std::string("ok");
    for (const auto& detail : parsed.error().details()) {
      if (detail.key == "field") return detail.value;
    }
    return std::string("no field");
  };
  EXPECT_EQ(field_of({{"sha256", hash}, {"version", "0.2.0"}}), "download_path");
  EXPECT_EQ(field_of({{"download_path", "http://elsewhere.example/x"}, {"sha256", hash}, {"version", "1"}}),
            "download_path");
  EXPECT_EQ(
      field_of({{"download_path", "/api/v1/agent/releases/../../etc/passwd"}, {"sha256", hash}, {"version", "1"}}),
      "download_path");
  EXPECT_EQ(field_of({{"download_path", path}, {"sha256", "ABC"}, {"version", "1"}}), "sha256");
  EXPECT_EQ(field_of({{"download_path", path}, {"sha256", std::string(64, 'G')}, {"version", "1"}}), "sha256");
  EXPECT_EQ(field_of({{"download_path", path}, {"sha256", hash}}), "version");
}

}  // namespace
}  // namespace gpuaas::agent::tasks
