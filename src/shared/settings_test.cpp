#include "shared/settings.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace gpuaas {
namespace {

TEST(SettingLayers, LaterLayersWin) {
  SettingLayers layers;
  layers.Set("listen", "127.0.0.1:8080", "default");
  layers.Set("listen", "0.0.0.0:9000", "env GPUAAS_LISTEN");
  EXPECT_EQ(layers.Get("listen").text, "0.0.0.0:9000");
  EXPECT_EQ(layers.Get("listen").origin, "env GPUAAS_LISTEN");
}

TEST(SettingsFile, ReadsFlatYaml) {
  testing::TempDir dir;
  const auto path = dir.path() / "gpuaas.yaml";
  std::ofstream(path) << "listen: 127.0.0.1:9000\nlog_level: debug\n";
  const auto settings = ReadSettingsFile(path.string());
  ASSERT_TRUE(settings.ok()) << settings.error().message();
  EXPECT_EQ(settings->at("listen"), "127.0.0.1:9000");
  EXPECT_EQ(settings->at("log_level"), "debug");
}

TEST(SettingsFile, RejectsNestedValuesAndMissingFiles) {
  testing::TempDir dir;
  const auto path = dir.path() / "nested.yaml";
  std::ofstream(path) << "server:\n  listen: x\n";
  const auto nested = ReadSettingsFile(path.string());
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.error().message().find("'server'"), std::string::npos);
  EXPECT_FALSE(ReadSettingsFile((dir.path() / "absent.yaml").string()).ok());
}

TEST(SettingErrors, ReportsEveryProblemWithItsOrigin) {
  SettingErrors errors;
  errors.Add("listen", {"abc", "flag --listen"}, "expected HOST:PORT");
  errors.Add("io_threads", {"0", "env GPUAAS_IO_THREADS"}, "must be between 1 and 64");
  const auto error = errors.ToError();
  EXPECT_EQ(error.message(),
            "invalid configuration:\n  listen (flag --listen): expected HOST:PORT\n"
            "  io_threads (env GPUAAS_IO_THREADS): must be between 1 and 64");
}

}  // namespace
}  // namespace gpuaas
