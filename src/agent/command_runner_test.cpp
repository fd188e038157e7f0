#include "agent/command_runner.hpp"

#include <gtest/gtest.h>

namespace gpuaas::agent {
namespace {

using std::chrono::milliseconds;

TEST(CommandRunner, ReturnsWhatTheCommandPrints) {
  const auto output = RunCommand({"printf", "%s|%s", "$HOME", "two words"});
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, "$HOME|two words");  // arguments reach the program as they are: no shell
}

TEST(CommandRunner, KeepsStderrOutOfTheOutput) {
  const auto output = RunCommand({"sh", "-c", "echo out; echo err >&2"});
  ASSERT_TRUE(output.ok());
  EXPECT_EQ(*output, "out\n");
}

TEST(CommandRunner, ReportsANonZeroExit) {
  const auto output = RunCommand({"sh", "-c", "echo partial; exit 6"});
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(output.error().message(), "sh: exited with status 6");
}

TEST(CommandRunner, ReportsAMissingProgram) {
  const auto output = RunCommand({"gpuaas-no-such-program"});
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().message(), "gpuaas-no-such-program: not found");
  EXPECT_FALSE(RunCommand({}).ok());
}

TEST(CommandRunner, KillsACommandThatOverrunsItsTimeout) {
  const auto started = std::chrono::steady_clock::now();
  const auto output = RunCommand({"sleep", "30"}, {.timeout = milliseconds(200)});
  ASSERT_FALSE(output.ok());
  EXPECT_NE(output.error().message().find("did not finish within 200 ms"), std::string::npos)
      << output.error().message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(CommandRunner, KillsACommandThatClosesStdoutButKeepsRunning) {
  const auto output = RunCommand({"sh", "-c", "exec >&-; sleep 30"}, {.timeout = milliseconds(200)});
  ASSERT_FALSE(output.ok());
  EXPECT_NE(output.error().message().find("did not exit"), std::string::npos) << output.error().message();
}

TEST(CommandRunner, StopsReadingPastTheOutputLimit) {
  const auto output = RunCommand({"yes"}, {.timeout = milliseconds(5000), .max_output_bytes = 1000});
  ASSERT_FALSE(output.ok());
  EXPECT_NE(output.error().message().find("more than 1000 bytes"), std::string::npos);
}

}  // namespace
}  // namespace gpuaas::agent
