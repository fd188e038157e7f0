#include "server/server_app.hpp"

#include "api/console/console_assets.hpp"
#include "api/route_table.hpp"
#include "net/blocking_pool.hpp"
#include "net/http_server.hpp"
#include "net/metrics_registry.hpp"
#include "net/middlewares/access_log_middleware.hpp"
#include "net/middlewares/error_mapping_middleware.hpp"
#include "net/middlewares/json_body_middleware.hpp"
#include "net/middlewares/metrics_middleware.hpp"
#include "net/middlewares/request_id_middleware.hpp"
#include "services/platform/installation_service.hpp"
#include "services/platform/readiness_service.hpp"
#include "shared/build_info.hpp"
#include "store/migrations/migration_runner.hpp"
#include "store/open_database.hpp"

namespace gpuaas::server {

// Members are declared in dependency order: each is built from the ones above it and
// destroyed before them.
struct ServerApp::Parts {
  ServerConfig config;
  SystemClock clock;
  RandomIdGenerator ids{clock};
  log::Logger logger{"server"};
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::MigrationRunner> migrations;
  std::unique_ptr<services::ReadinessService> readiness;
  net::MetricsRegistry metrics;
  api::ConsoleAssets console;
  net::Router router;
  net::MiddlewareChain chain;
  std::unique_ptr<net::BlockingPool> pool;
  std::unique_ptr<net::HttpServer> http;
};

namespace {

// The middleware order, outermost first, and why each stage sits where it does.
void BuildMiddlewareChain(net::MiddlewareChain& chain, IdGenerator& ids, net::MetricsRegistry& metrics) {
  // 1. Request ID first: every later stage, and the handler, logs and echoes it.
  chain.Append(std::make_unique<net::RequestIdMiddleware>(ids));
  // 2. Metrics outside the access log and error mapping, so it times the whole request and
  //    counts the final status, errors included.
  chain.Append(std::make_unique<net::MetricsMiddleware>(metrics));
  // 3. Access log sees the final response after errors were mapped.
  chain.Append(std::make_unique<net::AccessLogMiddleware>());
  // 4. Error mapping turns every failure below (Result errors and exceptions) into the
  //    envelope; nothing above it needs to know about errors.
  chain.Append(std::make_unique<net::ErrorMappingMiddleware>());
  // 5. Body checks last, next to the handler: they depend on the route's declared policy.
  chain.Append(std::make_unique<net::JsonBodyMiddleware>());
}

net::HttpServerOptions HttpOptions(const ServerConfig& config) {
  net::HttpServerOptions options;
  options.host = config.listen_host;
  options.port = config.listen_port;
  options.io_threads = config.io_threads;
  options.max_body_bytes = config.max_body_bytes;
  options.header_timeout = config.header_timeout;
  options.idle_timeout = config.idle_timeout;
  options.body_timeout = config.body_timeout;
  options.shutdown_grace = config.shutdown_grace;
  return options;
}

Result<std::unique_ptr<store::Database>> OpenStore(const ServerConfig& config) {
  store::StoreOptions options;
  options.sqlite_readers = std::min<std::size_t>(config.worker_threads, 8);
  options.pg_pool_size = config.worker_threads;
  return store::OpenDatabase(config.database, options);
}

}  // namespace

ServerApp::ServerApp(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

ServerApp::~ServerApp() {
  if (parts_->http) {
    parts_->http->Stop();
    parts_->http->Wait();
  }
}

Result<std::unique_ptr<ServerApp>> ServerApp::Create(const ServerConfig& config) {
  auto parts = std::make_unique<Parts>();
  auto& p = *parts;
  p.config = config;
  GPUAAS_ASSIGN_OR_RETURN(p.database, OpenStore(config));
  p.migrations = std::make_unique<store::MigrationRunner>(*p.database, p.clock, store::EmbeddedMigrations());
  p.readiness = std::make_unique<services::ReadinessService>(*p.database, *p.migrations);
  const auto& build = GetBuildInfo();
  p.metrics.SetBuildInfo(std::string(build.version), std::string(build.commit));
  p.console = api::ConsoleAssets::Load(config.web_root);
  GPUAAS_RETURN_IF_ERROR(
      api::RegisterRoutes(p.router, api::ApiDependencies{p.clock, p.ids, p.metrics, *p.readiness, p.console}));
  BuildMiddlewareChain(p.chain, p.ids, p.metrics);
  p.pool = std::make_unique<net::BlockingPool>(config.worker_threads, config.worker_queue_limit);
  p.metrics.SetQueueDepthProbe([pool = p.pool.get()] { return pool->queue_depth(); });
  p.http = std::make_unique<net::HttpServer>(HttpOptions(config), p.router, p.chain, *p.pool, p.metrics);
  return std::make_unique<ServerApp>(std::move(parts));
}

Result<std::uint16_t> ServerApp::Start() {
  auto& p = *parts_;
  GPUAAS_ASSIGN_OR_RETURN(const int applied, p.migrations->Apply());
  services::InstallationService installation_service(*p.database, p.clock, p.ids);
  GPUAAS_ASSIGN_OR_RETURN(const auto installation, installation_service.Ensure());
  GPUAAS_ASSIGN_OR_RETURN(const auto port, p.http->Listen());
  p.http->Start();
  p.logger.Info("started", {{"listen", p.config.listen_host + ":" + std::to_string(port)},
                            {"database", p.config.database.Redacted()},
                            {"migrations_applied", applied},
                            {"installation_id", installation.id},
                            {"console", p.console.loaded() ? p.config.web_root : "not built"},
                            {"version", GetBuildInfo().version}});
  return port;
}

void ServerApp::StopOnSignals() { parts_->http->StopOnSignals(); }

void ServerApp::Stop() { parts_->http->Stop(); }

void ServerApp::Wait() {
  parts_->http->Wait();
  parts_->pool->Shutdown();
}

Result<int> MigrateDatabase(const ServerConfig& config) {
  GPUAAS_ASSIGN_OR_RETURN(auto database, OpenStore(config));
  SystemClock clock;
  store::MigrationRunner runner(*database, clock, store::EmbeddedMigrations());
  return runner.Apply();
}

}  // namespace gpuaas::server
