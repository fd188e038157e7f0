#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/log.hpp"
#include "shared/result.hpp"
#include "store/database_url.hpp"

namespace gpuaas::server {

// Typed, validated, immutable settings of gpuaas-server.
struct ServerConfig {
  std::string listen_host;
  std::uint16_t listen_port = 0;
  store::DatabaseUrl database;
  std::string web_root;
  log::Level log_level = log::Level::kInfo;
  std::string log_file;  // empty: stdout
  std::size_t io_threads = 0;
  std::size_t worker_threads = 0;
  std::size_t worker_queue_limit = 0;
  std::size_t max_body_bytes = 0;
  std::chrono::milliseconds header_timeout{0};
  std::chrono::milliseconds idle_timeout{0};
  std::chrono::milliseconds body_timeout{0};
  std::chrono::milliseconds shutdown_grace{0};

  // Identity and access.
  bool signup_enabled = true;
  std::string admin_email;             // first admin on an empty database; empty: admin@gpuaas.local
  std::string admin_password;          // empty: generated and printed once
  bool minimum_password_cost = false;  // test suites only
  std::string public_url;              // https://... makes cookies Secure; its origin may open WebSockets
  std::vector<std::string> allowed_origins;
  double rate_limit_ip_per_second = 0;
  double rate_limit_principal_per_second = 0;
  double rate_limit_sign_in_per_minute = 0;

  // Operations engine, outbox and notifications.
  std::size_t operation_workers = 2;
  std::chrono::milliseconds operation_lease{30000};
  std::chrono::milliseconds operation_retry_base{1000};
  std::chrono::milliseconds worker_poll{250};         // runner and outbox dispatcher when idle
  std::chrono::milliseconds notification_poll{1000};  // live delivery of other replicas' notifications
  std::string fault_injection;                        // test suites only (see OutboxDispatcherOptions)

  // Fleet.
  std::string secrets_key_file;  // the platform CA key is sealed under the secret in it
  std::size_t node_heartbeat_seconds = 10;
  std::size_t node_offline_after_seconds = 30;
  std::size_t node_certificate_lifetime_seconds = 604800;
  std::string agent_version;      // empty: this server's version
  std::string agent_binary_file;  // empty: gpuaas-agent beside the server's executable
};

// A setting: its file key, its GPUAAS_* variable and --flag derive from `key`.
struct SettingSpec {
  std::string key;
  std::string default_value;
  std::string help;
};

const std::vector<SettingSpec>& ServerSettingSpecs();

// "listen" -> "GPUAAS_LISTEN"; "max_body_bytes" -> "--max-body-bytes".
std::string EnvName(const std::string& key);
std::string FlagName(const std::string& key);

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Layers defaults < config file < GPUAAS_* environment < flags, then validates every
// setting, reporting all problems at once, each with where its value came from. The config
// file is `config_file` if given, else $GPUAAS_CONFIG if set; unknown keys in it are errors.
Result<ServerConfig> LoadServerConfig(const std::map<std::string, std::string>& flags,
                                      const std::optional<std::string>& config_file, const EnvLookup& env);

EnvLookup ProcessEnvironment();

}  // namespace gpuaas::server
