#include "server/server_cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "server/server_app.hpp"
#include "shared/build_info.hpp"

namespace gpuaas::server {
namespace {

struct SettingFlags {
  std::map<std::string, std::string> values;
  std::optional<std::string> config_file;
};

void AddSettingFlags(CLI::App& command, SettingFlags& flags) {
  command.add_option_function<std::string>(
      "--config", [&flags](const std::string& path) { flags.config_file = path; },
      "YAML file of settings (also $GPUAAS_CONFIG)");
  for (const auto& spec : ServerSettingSpecs()) {
    command.add_option_function<std::string>(
        FlagName(spec.key), [&flags, key = spec.key](const std::string& value) { flags.values[key] = value; },
        spec.help + " [$" + EnvName(spec.key) + ", default '" + spec.default_value + "']");
  }
}

Result<ServerConfig> LoadAndApplyLogging(const SettingFlags& flags) {
  GPUAAS_ASSIGN_OR_RETURN(auto config, LoadServerConfig(flags.values, flags.config_file, ProcessEnvironment()));
  log::Configure(config.log_file.empty() ? log::StdoutSink() : log::FileSink(config.log_file), config.log_level);
  return config;
}

int Fail(const Error& error) {
  std::cerr << "gpuaas-server: " << error.message() << "\n";
  if (!error.internal().empty()) std::cerr << "  cause: " << error.internal() << "\n";
  return error.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

int Serve(const SettingFlags& flags) {
  auto config = LoadAndApplyLogging(flags);
  if (!config) return Fail(config.error());
  auto app = ServerApp::Create(*config);
  if (!app) return Fail(app.error());
  (*app)->StopOnSignals();
  auto port = (*app)->Start();
  if (!port) return Fail(port.error());
  (*app)->Wait();
  return 0;
}

// Exit status: 0 intact, 1 broken (the first broken row is printed), other failures 1 or 2.
int VerifyAudit(const SettingFlags& flags) {
  auto config = LoadAndApplyLogging(flags);
  if (!config) return Fail(config.error());
  auto verification = VerifyAuditChain(*config);
  if (!verification) return Fail(verification.error());
  if (!verification->first_broken_seq) {
    std::cout << "audit chain intact: " << verification->rows_checked << " row(s) verified\n";
    return 0;
  }
  std::cout << "audit chain BROKEN at row " << *verification->first_broken_seq << ": " << verification->reason << " ("
            << verification->rows_checked << " row(s) read)\n";
  return 1;
}

int Migrate(const SettingFlags& flags) {
  auto config = LoadAndApplyLogging(flags);
  if (!config) return Fail(config.error());
  auto applied = MigrateDatabase(*config);
  if (!applied) return Fail(applied.error());
  std::cout << "applied " << *applied << " migration(s); " << config->database.Redacted() << " is current\n";
  return 0;
}

struct TokenFlags {
  SettingFlags settings;
  std::string site = "local";
  std::string profile = "standard";
  std::string server_url;
};

int HostToken(const TokenFlags& flags) {
  auto config = LoadAndApplyLogging(flags.settings);
  if (!config) return Fail(config.error());
  const auto url = flags.server_url.empty()
                       ? "http://" + config->listen_host + ":" + std::to_string(config->listen_port)
                       : flags.server_url;
  auto token = CreateHostBootstrapToken(*config, flags.site, flags.profile, url);
  if (!token) return Fail(token.error());
  std::cout << *token << "\n";
  return 0;
}

}  // namespace

int RunServerCli(int argc, char** argv) {
  CLI::App app{"gpuaas-server: the GPUaaS control plane (API, console and background workers)"};
  app.set_version_flag("--version", VersionString());
  app.require_subcommand(1);
  SettingFlags serve_flags;
  SettingFlags migrate_flags;
  auto* serve = app.add_subcommand("serve", "apply migrations, then serve the API and console until SIGTERM");
  AddSettingFlags(*serve, serve_flags);
  auto* migrate = app.add_subcommand("migrate", "apply database migrations and exit");
  AddSettingFlags(*migrate, migrate_flags);
  SettingFlags audit_flags;
  auto* audit = app.add_subcommand("audit", "inspect the audit trail");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "recompute the audit hash chain and report the first broken row");
  AddSettingFlags(*verify, audit_flags);
  TokenFlags token_flags;
  auto* fleet = app.add_subcommand("fleet", "fleet tasks on the server host");
  fleet->require_subcommand(1);
  auto* token = fleet->add_subcommand(
      "token", "print a one-time bootstrap token (60 minutes) for gpuaas-agent enroll, creating the site if needed");
  token->add_option("--site", token_flags.site, "site name [default local]");
  token->add_option("--profile", token_flags.profile, "node profile: standard or whole-node [default standard]");
  token->add_option("--server-url", token_flags.server_url, "URL agents call [default http://<listen>]");
  AddSettingFlags(*token, token_flags.settings);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (serve->parsed()) return Serve(serve_flags);
  if (verify->parsed()) return VerifyAudit(audit_flags);
  if (token->parsed()) return HostToken(token_flags);
  return Migrate(migrate_flags);
}

}  // namespace gpuaas::server
