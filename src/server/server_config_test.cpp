#include "server/server_config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace gpuaas::server {
namespace {

EnvLookup Env(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
    const auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

TEST(ServerConfig, DefaultsServeTheEmbeddedStoreOnLocalhost) {
  const auto config = LoadServerConfig({}, std::nullopt, Env({}));
  ASSERT_TRUE(config.ok()) << config.error().message();
  EXPECT_EQ(config->listen_host, "127.0.0.1");
  EXPECT_EQ(config->listen_port, 8080);
  EXPECT_EQ(config->database.dialect, store::Dialect::kSqlite);
  EXPECT_EQ(config->database.location, "./var/gpuaas.db");
  EXPECT_EQ(config->io_threads, 2u);
}

TEST(ServerConfig, FlagsBeatEnvironmentWhichBeatsTheFile) {
  testing::TempDir dir;
  const auto file = (dir.path() / "gpuaas.yaml").string();
  std::ofstream(file) << "listen: 0.0.0.0:7000\nio_threads: 3\nlog_level: warn\n";
  const auto config = LoadServerConfig({{"listen", "127.0.0.1:9000"}}, file, Env({{"GPUAAS_IO_THREADS", "4"}}));
  ASSERT_TRUE(config.ok()) << config.error().message();
  EXPECT_EQ(config->listen_port, 9000);
  EXPECT_EQ(config->io_threads, 4u);
  EXPECT_EQ(config->log_level, log::Level::kWarn);
}

TEST(ServerConfig, ReportsEveryBadSettingWithItsOrigin) {
  const auto config = LoadServerConfig({{"listen", "nonsense"}, {"database", "mysql://x"}}, std::nullopt,
                                       Env({{"GPUAAS_IO_THREADS", "0"}, {"GPUAAS_LOG_LEVEL", "loud"}}));
  ASSERT_FALSE(config.ok());
  const auto& message = config.error().message();
  EXPECT_NE(message.find("listen (flag --listen): expected HOST:PORT"), std::string::npos) << message;
  EXPECT_NE(message.find("database (flag --database): expected sqlite:PATH"), std::string::npos) << message;
  EXPECT_NE(message.find("io_threads (env GPUAAS_IO_THREADS): expected a whole number from 1 to 64, got '0'"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("log_level (env GPUAAS_LOG_LEVEL)"), std::string::npos) << message;
}

TEST(ServerConfig, RejectsUnknownKeysInTheFile) {
  testing::TempDir dir;
  const auto file = (dir.path() / "gpuaas.yaml").string();
  std::ofstream(file) << "listne: 0.0.0.0:7000\n";
  const auto config = LoadServerConfig({}, std::nullopt, Env({{"GPUAAS_CONFIG", file}}));
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message().find("listne (file " + file + "): unknown setting"), std::string::npos);
}

TEST(ServerConfig, RejectsOutOfRangePorts) {
  EXPECT_FALSE(LoadServerConfig({{"listen", "127.0.0.1:70000"}}, std::nullopt, Env({})).ok());
  EXPECT_TRUE(LoadServerConfig({{"listen", "[::1]:0"}}, std::nullopt, Env({})).ok());
}

TEST(SettingNames, DeriveFromTheKey) {
  EXPECT_EQ(EnvName("max_body_bytes"), "GPUAAS_MAX_BODY_BYTES");
  EXPECT_EQ(FlagName("max_body_bytes"), "--max-body-bytes");
}

}  // namespace
}  // namespace gpuaas::server
