#include "server/server_config.hpp"

#include <charconv>
#include <cstdlib>

#include "shared/settings.hpp"

namespace gpuaas::server {
namespace {

// Parses an integer setting within [min, max], or records why not.
template <typename T>
std::optional<T> ParseBounded(const std::string& key, const SettingValue& value, std::int64_t min, std::int64_t max,
                              SettingErrors& errors) {
  std::int64_t parsed = 0;
  const auto* end = value.text.data() + value.text.size();
  const auto [ptr, ec] = std::from_chars(value.text.data(), end, parsed);
  if (ec != std::errc() || ptr != end || parsed < min || parsed > max) {
    errors.Add(key, value,
               "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got '" +
                   value.text + "'");
    return std::nullopt;
  }
  return static_cast<T>(parsed);
}

void ParseListen(const SettingValue& value, ServerConfig& config, SettingErrors& errors) {
  const auto colon = value.text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    errors.Add("listen", value, "expected HOST:PORT such as 127.0.0.1:8080, got '" + value.text + "'");
    return;
  }
  auto host = value.text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const SettingValue port{value.text.substr(colon + 1), value.origin};
  if (const auto parsed = ParseBounded<std::uint16_t>("listen", port, 0, 65535, errors)) {
    config.listen_host = host;
    config.listen_port = *parsed;
  }
}

}  // namespace

const std::vector<SettingSpec>& ServerSettingSpecs() {
  static const std::vector<SettingSpec> kSpecs = {
      {"listen", "127.0.0.1:8080", "HOST:PORT to serve the API and console on (port 0 picks one)"},
      {"database", "sqlite:./var/gpuaas.db", "sqlite:PATH (embedded) or postgres://USER:PASS@HOST:PORT/DB"},
      {"web_root", "./web/dist", "directory of the built console"},
      {"log_level", "info", "debug, info, warn, error or off"},
      {"log_file", "", "write JSON logs to this file instead of stdout"},
      {"io_threads", "2", "threads parsing and answering HTTP"},
      {"worker_threads", "8", "threads running blocking work (database)"},
      {"worker_queue_limit", "1024", "requests that may wait for a worker before 503"},
      {"max_body_bytes", "1048576", "largest request body accepted"},
      {"header_timeout_ms", "10000", "time a client has to send a request's headers"},
      {"idle_timeout_ms", "60000", "time a kept-alive connection may sit idle"},
      {"body_timeout_ms", "30000", "time a client has to send a request's body"},
      {"shutdown_grace_ms", "10000", "time in-flight requests get to finish on SIGTERM"},
      {"signup_enabled", "true", "whether anyone may sign up (true or false)"},
      {"admin_email", "", "email of the first platform admin, created on an empty database"},
      {"admin_password", "", "password of that first admin; empty: generated and printed once"},
      {"password_hash_cost", "interactive", "argon2id cost: interactive, or minimum (test suites only)"},
      {"public_url", "", "URL users reach the console at; https:// makes cookies Secure"},
      {"allowed_origins", "", "extra comma-separated origins allowed to open WebSockets"},
      {"rate_limit_ip_per_second", "200", "API requests per second per client IP (bursts of twice that)"},
      {"rate_limit_principal_per_second", "100", "API requests per second per user or service account"},
      {"rate_limit_sign_in_per_minute", "10", "sign-in, sign-up and token creations per minute per client IP"},
      {"operation_workers", "2", "operation runner threads on this replica"},
      {"operation_lease_ms", "30000", "how long a runner holds an operation before another may take it over"},
      {"operation_retry_base_ms", "1000", "first retry delay of a transient step failure (doubles each attempt)"},
      {"worker_poll_ms", "250", "how often idle background workers look for work written by other replicas"},
      {"notification_poll_ms", "1000", "how often live notification delivery looks for other replicas' writes"},
      {"fault_injection", "", "test suites only: a fault to inject (exit_after_first_consumer)"},
      {"secrets_key_file", "./var/secrets.key",
       "file with the secret (32+ characters) the platform CA key is sealed under; created at first start"},
      {"node_heartbeat_seconds", "10", "how often agents send a heartbeat with telemetry"},
      {"node_offline_after_seconds", "30", "a node silent this long is offline (at least twice the heartbeat)"},
      {"node_certificate_lifetime_seconds", "604800", "lifetime of node certificates (7 days; 60 s to 1 year)"},
      {"agent_version", "", "the agent version nodes should run; empty: this server's version"},
      {"agent_binary_file", "",
       "the gpuaas-agent binary published for self-update; empty: the one beside this server's executable"},
  };
  return kSpecs;
}

std::string EnvName(const std::string& key) {
  std::string name = "GPUAAS_";
  for (const char c : key) name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name;
}

std::string FlagName(const std::string& key) {
  std::string name = "--";
  for (const char c : key) name.push_back(c == '_' ? '-' : c);
  return name;
}

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
  };
}

Result<ServerConfig> LoadServerConfig(const std::map<std::string, std::string>& flags,
                                      const std::optional<std::string>& config_file, const EnvLookup& env) {
  SettingLayers layers;
  SettingErrors errors;
  for (const auto& spec : ServerSettingSpecs()) layers.Set(spec.key, spec.default_value, "default");

  const auto file = config_file ? config_file : env("GPUAAS_CONFIG");
  if (file) {
    auto settings = ReadSettingsFile(*file);
    if (!settings) return settings.TakeError();
    for (const auto& [key, value] : *settings) {
      if (!layers.Has(key)) {
        errors.AddRaw(key + " (file " + *file + "): unknown setting");
        continue;
      }
      layers.Set(key, value, "file " + *file);
    }
  }
  for (const auto& spec : ServerSettingSpecs()) {
    if (auto value = env(EnvName(spec.key))) layers.Set(spec.key, *value, "env " + EnvName(spec.key));
  }
  for (const auto& [key, value] : flags) layers.Set(key, value, "flag " + FlagName(key));

  ServerConfig config;
  ParseListen(layers.Get("listen"), config, errors);
  if (auto url = store::DatabaseUrl::Parse(layers.Get("database").text)) {
    config.database = *url;
  } else {
    errors.Add("database", layers.Get("database"), url.error().message().substr(std::string("database: ").size()));
  }
  config.web_root = layers.Get("web_root").text;
  if (!log::ParseLevel(layers.Get("log_level").text, config.log_level)) {
    errors.Add("log_level", layers.Get("log_level"), "expected debug, info, warn, error or off");
  }
  config.log_file = layers.Get("log_file").text;
  auto bounded = [&](const std::string& key, std::int64_t min, std::int64_t max, auto& field) {
    using T = std::decay_t<decltype(field)>;
    if (const auto parsed = ParseBounded<std::size_t>(key, layers.Get(key), min, max, errors)) {
      if constexpr (std::is_same_v<T, std::chrono::milliseconds>)
        field = std::chrono::milliseconds(*parsed);
      else
        field = *parsed;
    }
  };
  bounded("io_threads", 1, 64, config.io_threads);
  bounded("worker_threads", 1, 256, config.worker_threads);
  bounded("worker_queue_limit", 1, 1'000'000, config.worker_queue_limit);
  bounded("max_body_bytes", 1024, 64 << 20, config.max_body_bytes);
  bounded("header_timeout_ms", 100, 600'000, config.header_timeout);
  bounded("idle_timeout_ms", 100, 3'600'000, config.idle_timeout);
  bounded("body_timeout_ms", 100, 3'600'000, config.body_timeout);
  bounded("shutdown_grace_ms", 0, 600'000, config.shutdown_grace);
  bounded("operation_workers", 1, 64, config.operation_workers);
  bounded("operation_lease_ms", 200, 3'600'000, config.operation_lease);
  bounded("operation_retry_base_ms", 1, 600'000, config.operation_retry_base);
  bounded("worker_poll_ms", 10, 60'000, config.worker_poll);
  bounded("notification_poll_ms", 10, 60'000, config.notification_poll);
  config.fault_injection = layers.Get("fault_injection").text;
  if (!config.fault_injection.empty() && config.fault_injection != "exit_after_first_consumer") {
    errors.Add("fault_injection", layers.Get("fault_injection"), "expected exit_after_first_consumer or nothing");
  }

  config.secrets_key_file = layers.Get("secrets_key_file").text;
  if (config.secrets_key_file.empty()) {
    errors.Add("secrets_key_file", layers.Get("secrets_key_file"), "expected a file path");
  }
  bounded("node_heartbeat_seconds", 1, 3600, config.node_heartbeat_seconds);
  bounded("node_offline_after_seconds", 3, 86400, config.node_offline_after_seconds);
  bounded("node_certificate_lifetime_seconds", 60, 365 * 86400, config.node_certificate_lifetime_seconds);
  if (config.node_offline_after_seconds < 2 * config.node_heartbeat_seconds) {
    errors.Add("node_offline_after_seconds", layers.Get("node_offline_after_seconds"),
               "must be at least twice node_heartbeat_seconds, or one late heartbeat marks a node offline");
  }
  config.agent_version = layers.Get("agent_version").text;
  config.agent_binary_file = layers.Get("agent_binary_file").text;

  const auto boolean = [&](const std::string& key, bool& field) {
    const auto& value = layers.Get(key);
    if (value.text == "true") {
      field = true;
    } else if (value.text == "false") {
      field = false;
    } else {
      errors.Add(key, value, "expected true or false, got '" + value.text + "'");
    }
  };
  boolean("signup_enabled", config.signup_enabled);
  config.admin_email = layers.Get("admin_email").text;
  config.admin_password = layers.Get("admin_password").text;
  const auto& cost = layers.Get("password_hash_cost");
  if (cost.text == "minimum") {
    config.minimum_password_cost = true;
  } else if (cost.text != "interactive") {
    errors.Add("password_hash_cost", cost, "expected interactive or minimum, got '" + cost.text + "'");
  }
  config.public_url = layers.Get("public_url").text;
  if (!config.public_url.empty() && config.public_url.rfind("http://", 0) != 0 &&
      config.public_url.rfind("https://", 0) != 0) {
    errors.Add("public_url", layers.Get("public_url"), "expected a URL starting with http:// or https://");
  }
  std::string_view origins = layers.Get("allowed_origins").text;
  while (!origins.empty()) {
    const auto end = std::min(origins.find(','), origins.size());
    if (end > 0) config.allowed_origins.emplace_back(origins.substr(0, end));
    origins.remove_prefix(std::min(end + 1, origins.size()));
  }
  std::size_t ip_rate = 0;
  std::size_t principal_rate = 0;
  std::size_t sign_in_rate = 0;
  bounded("rate_limit_ip_per_second", 1, 10'000'000, ip_rate);
  bounded("rate_limit_principal_per_second", 1, 10'000'000, principal_rate);
  bounded("rate_limit_sign_in_per_minute", 1, 1'000'000, sign_in_rate);
  config.rate_limit_ip_per_second = static_cast<double>(ip_rate);
  config.rate_limit_principal_per_second = static_cast<double>(principal_rate);
  config.rate_limit_sign_in_per_minute = static_cast<double>(sign_in_rate);

  if (!errors.empty()) return errors.ToError();
  return config;
}

}  // namespace gpuaas::server
