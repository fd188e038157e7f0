#include "agent/inventory/runtimes.hpp"

#include <sys/socket.h>
#include <sys/un.h>

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "agent/unique_fd.hpp"
#include "tests/support/temp_dir.hpp"

namespace gpuaas::agent::inventory {
namespace {

// A Unix socket listening at `path`, like dockerd's, for as long as the object lives.
UniqueFd Listen(const std::filesystem::path& path) {
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  EXPECT_EQ(::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
  EXPECT_EQ(::listen(fd.get(), 4), 0);
  return fd;
}

TEST(Runtimes, SeesASocketThatAccepts) {
  const testing::TempDir dir;
  const auto socket = dir.path() / "docker.sock";
  const auto listener = Listen(socket);
  EXPECT_TRUE(UnixSocketAnswers(socket));
  EXPECT_EQ(DetectRuntimes(socket), (std::vector<std::string>{"process", "docker"}));
}

TEST(Runtimes, IgnoresASocketLeftByAStoppedDaemon) {
  const testing::TempDir dir;
  const auto socket = dir.path() / "docker.sock";
  { const auto listener = Listen(socket); }
  ASSERT_TRUE(std::filesystem::exists(socket));
  EXPECT_FALSE(UnixSocketAnswers(socket));
  EXPECT_EQ(DetectRuntimes(socket), (std::vector<std::string>{"process"}));
}

TEST(Runtimes, IgnoresMissingFilesPlainFilesAndOverlongPaths) {
  const testing::TempDir dir;
  std::ofstream(dir.path() / "plain") << "not a socket";
  EXPECT_FALSE(UnixSocketAnswers(dir.path() / "absent.sock"));
  EXPECT_FALSE(UnixSocketAnswers(dir.path() / "plain"));
  EXPECT_FALSE(UnixSocketAnswers(std::string(200, 'a')));
  EXPECT_FALSE(UnixSocketAnswers(""));
}

}  // namespace
}  // namespace gpuaas::agent::inventory
