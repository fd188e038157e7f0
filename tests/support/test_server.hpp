#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "server/server_app.hpp"
#include "tests/support/test_database.hpp"

namespace gpuaas::testing {

// The first platform admin every test server starts with.
inline constexpr const char* kTestAdminEmail = "admin@test.local";
inline constexpr const char* kTestAdminPassword = "admin-password-for-tests";

// The real control plane in this process, on a free loopback port, with a fresh database
// and JSON logs going to a file the test can read.
class TestServer {
 public:
  using Settings = std::map<std::string, std::string>;
  TestServer() : TestServer(Settings{}) {}
  explicit TestServer(const Settings& overrides);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] std::string ReadLog() const;
  [[nodiscard]] const TestDatabase& database() const { return database_; }
  [[nodiscard]] const std::filesystem::path& web_root() const { return web_root_; }
  void Stop();
  // Stops the server and starts a new one on the same database, port and keys: a restart as
  // agents and browsers see it.
  void Restart();

 private:
  TestDatabase database_;
  std::filesystem::path log_path_;
  std::filesystem::path web_root_;
  void Start();

  server::ServerConfig config_;
  std::unique_ptr<server::ServerApp> app_;
  std::uint16_t port_ = 0;
};

}  // namespace gpuaas::testing
