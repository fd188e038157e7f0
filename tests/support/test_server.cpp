#include "tests/support/test_server.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace gpuaas::testing {

TestServer::TestServer(const std::map<std::string, std::string>& overrides) {
  log_path_ = database_.dir().path() / "server.log";
  // A tiny console build, so the console routes are exercised without needing web/dist.
  web_root_ = database_.dir().path() / "web";
  std::filesystem::create_directories(web_root_ / "assets");
  std::ofstream(web_root_ / "index.html") << "<!doctype html><title>GPUaaS console</title>";
  std::ofstream(web_root_ / "assets" / "app-abc123.js") << "console.log('gpuaas')";

  std::map<std::string, std::string> flags = {{"listen", "127.0.0.1:0"},
                                              {"database", database_.url()},
                                              {"web_root", web_root_.string()},
                                              {"log_file", log_path_.string()},
                                              {"secrets_key_file", (database_.dir().path() / "secrets.key").string()},
                                              {"log_level", "info"},
                                              {"worker_threads", "4"},
                                              // Fast password hashing and generous limits, so suites can sign in often;
                                              // the tests of throttling and rate limits set their own.
                                              {"password_hash_cost", "minimum"},
                                              {"admin_email", kTestAdminEmail},
                                              {"admin_password", kTestAdminPassword},
                                              {"rate_limit_ip_per_second", "1000000"},
                                              {"rate_limit_principal_per_second", "1000000"},
                                              {"rate_limit_sign_in_per_minute", "1000000"}};
  for (const auto& [key, value] : overrides) flags[key] = value;
  auto config = server::LoadServerConfig(flags, std::nullopt, [](const std::string&) { return std::nullopt; });
  if (!config) throw std::runtime_error(config.error().message());
  log::Configure(log::FileSink(config->log_file), config->log_level);
  config_ = *std::move(config);
  Start();
}

void TestServer::Start() {
  auto app = server::ServerApp::Create(config_);
  if (!app) throw std::runtime_error(app.error().message() + " " + app.error().internal());
  app_ = std::move(app).value();
  auto port = app_->Start();
  if (!port) throw std::runtime_error(port.error().message() + " " + port.error().internal());
  port_ = *port;
}

void TestServer::Restart() {
  Stop();
  config_.listen_port = port_;
  Start();
}

TestServer::~TestServer() { Stop(); }

void TestServer::Stop() {
  if (!app_) return;
  app_->Stop();
  app_->Wait();
  app_.reset();
}

std::string TestServer::ReadLog() const {
  std::ifstream in(log_path_);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace gpuaas::testing
