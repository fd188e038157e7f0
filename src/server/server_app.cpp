#include "server/server_app.hpp"

#include <unistd.h>

#include <cstring>
#include <iostream>

#include "api/console/console_assets.hpp"
#include "api/fleet/fleet_metrics.hpp"
#include "api/middlewares/audit_middleware.hpp"
#include "api/middlewares/authentication_middleware.hpp"
#include "api/middlewares/idempotency_middleware.hpp"
#include "api/middlewares/rate_limit_middleware.hpp"
#include "api/route_table.hpp"
#include "net/blocking_pool.hpp"
#include "net/http_server.hpp"
#include "net/metrics_registry.hpp"
#include "net/middlewares/access_log_middleware.hpp"
#include "net/middlewares/error_mapping_middleware.hpp"
#include "net/middlewares/json_body_middleware.hpp"
#include "net/middlewares/metrics_middleware.hpp"
#include "net/middlewares/request_id_middleware.hpp"
#include "server/periodic_task.hpp"
#include "services/compute/scheduler_service.hpp"
#include "services/compute/sku_service.hpp"
#include "services/compute/workload_service.hpp"
#include "services/evidence/activity_service.hpp"
#include "services/fleet/agent_release_service.hpp"
#include "services/fleet/agent_session_service.hpp"
#include "services/fleet/bootstrap_token_service.hpp"
#include "services/fleet/enrollment_service.hpp"
#include "services/fleet/liveness_recorder.hpp"
#include "services/fleet/node_service.hpp"
#include "services/fleet/node_task_service.hpp"
#include "services/fleet/platform_ca_service.hpp"
#include "services/fleet/setup_checklist_service.hpp"
#include "services/fleet/site_service.hpp"
#include "services/notifications/notification_service.hpp"
#include "services/operations/kinds/access_operations.hpp"
#include "services/operations/kinds/compute_operations.hpp"
#include "services/operations/kinds/fleet_operations.hpp"
#include "services/operations/kinds/platform_operations.hpp"
#include "services/operations/operation_runner.hpp"
#include "services/operations/operation_service.hpp"
#include "services/platform/idempotency_service.hpp"
#include "services/platform/installation_service.hpp"
#include "services/platform/outbox_dispatcher.hpp"
#include "services/platform/readiness_service.hpp"
#include "shared/build_info.hpp"
#include "shared/worker_loop.hpp"
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
  std::unique_ptr<services::PasswordHasher> hasher;
  std::unique_ptr<services::AuditTrail> audit;
  std::unique_ptr<services::AuthService> auth;
  std::unique_ptr<services::UserService> users;
  std::unique_ptr<services::SshKeyService> ssh_keys;
  std::unique_ptr<services::CredentialService> credentials;
  std::unique_ptr<services::TenancyService> tenancy;
  std::unique_ptr<services::AuditQueryService> audit_query;
  std::unique_ptr<services::QuotaService> quotas;
  std::unique_ptr<services::EntitlementService> entitlements;
  std::unique_ptr<services::IdempotencyService> idempotency;
  services::FleetSettings fleet_settings;
  std::unique_ptr<services::PlatformCaService> platform_ca;
  std::unique_ptr<services::SiteService> sites;
  std::unique_ptr<services::BootstrapTokenService> bootstrap_tokens;
  std::unique_ptr<services::EnrollmentService> enrollment;
  std::unique_ptr<services::NodeService> nodes;
  std::unique_ptr<services::NodeTaskService> node_tasks;
  std::unique_ptr<services::AgentReleaseService> agent_release;
  std::unique_ptr<services::SetupChecklistService> setup;
  std::unique_ptr<services::AgentSessionService> agent_sessions;
  std::unique_ptr<services::LivenessRecorder> liveness;
  std::unique_ptr<services::SkuService> skus;
  std::unique_ptr<services::WorkloadTransitions> workload_transitions;
  std::unique_ptr<services::WorkloadService> workloads;
  std::unique_ptr<services::SchedulerService> scheduler;
  services::OperationRegistry operation_kinds;
  std::unique_ptr<services::OperationService> operations;
  std::unique_ptr<services::ActivityService> activity;
  std::unique_ptr<services::NotificationService> notifications;
  std::unique_ptr<services::ActivityConsumer> activity_consumer;
  std::unique_ptr<services::NotificationConsumer> notification_consumer;
  std::unique_ptr<api::ApiHandlers> handlers;
  // Background workers, stopped before the handlers and services they call go.
  std::unique_ptr<services::OutboxDispatcher> outbox;
  std::unique_ptr<services::OperationRunner> runner;
  net::MetricsRegistry metrics;
  api::ConsoleAssets console;
  net::Router router;
  net::MiddlewareChain chain;
  std::unique_ptr<net::BlockingPool> pool;
  std::unique_ptr<net::HttpServer> http;
  std::unique_ptr<PeriodicTask> idempotency_sweeper;
  std::unique_ptr<PeriodicTask> liveness_sweeper;
  std::unique_ptr<WorkerLoop> scheduler_loop;
};

namespace {

// The middleware order, outermost first, and why each stage sits where it does.
void BuildMiddlewareChain(net::MiddlewareChain& chain, ServerApp::Parts& p) {
  auto& ids = p.ids;
  auto& metrics = p.metrics;
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
  // 5. Audit sits outside authentication so refused credentials (a missing CSRF token, a
  //    read-only token on a mutation) are recorded too, under the caller they named.
  chain.Append(std::make_unique<api::AuditMiddleware>(*p.audit));
  // 6. Authentication resolves the caller that every later stage keys on.
  chain.Append(std::make_unique<api::AuthenticationMiddleware>(*p.auth));
  // 7. Rate limits need the principal, and must refuse before any work or storage happens.
  const auto& c = p.config;
  api::RateLimits limits;
  limits.per_ip = {c.rate_limit_ip_per_second * 2, c.rate_limit_ip_per_second};
  limits.per_principal = {c.rate_limit_principal_per_second * 2, c.rate_limit_principal_per_second};
  limits.sensitive_per_ip = {c.rate_limit_sign_in_per_minute, c.rate_limit_sign_in_per_minute / 60.0};
  chain.Append(std::make_unique<api::RateLimitMiddleware>(p.clock, limits));
  // 8. Idempotency wraps everything that executes, keyed by the principal; replays skip it all.
  chain.Append(std::make_unique<api::IdempotencyMiddleware>(*p.idempotency));
  // 9. Body checks last, next to the handler: they depend on the route's declared policy.
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

// This replica's name in leases: host and process, unique while it runs.
std::string ReplicaName() {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) std::strcpy(host, "replica");
  return std::string(host) + ":" + std::to_string(getpid());
}

// The operations engine, the outbox and the consumers that feed activity and notifications.
void BuildOperations(ServerApp::Parts& p, const services::ServiceContext& context) {
  const auto& c = p.config;
  services::RegisterPlatformOperations(p.operation_kinds);
  services::RegisterAccessOperations(p.operation_kinds, p.clock, *p.users, *p.credentials, *p.auth);
  services::RegisterFleetOperations(p.operation_kinds, *p.nodes, *p.node_tasks, *p.agent_release);
  const auto replica = ReplicaName();
  services::OutboxDispatcherOptions outbox_options;
  outbox_options.owner = replica;
  outbox_options.idle_poll = c.worker_poll;
  outbox_options.fault = c.fault_injection;
  p.outbox = std::make_unique<services::OutboxDispatcher>(*p.database, p.clock, outbox_options);
  services::OperationRunnerOptions runner_options;
  runner_options.owner = replica;
  runner_options.workers = static_cast<int>(c.operation_workers);
  runner_options.idle_poll = c.worker_poll;
  runner_options.lease = c.operation_lease;
  runner_options.retry_base = c.operation_retry_base;
  p.runner = std::make_unique<services::OperationRunner>(context, p.operation_kinds, runner_options,
                                                         [&p] { p.outbox->Wake(); });
  p.operations = std::make_unique<services::OperationService>(context, p.operation_kinds, [&p] {
    p.runner->Wake();
    p.outbox->Wake();
  });
  p.activity = std::make_unique<services::ActivityService>(context, p.operation_kinds);
  p.notifications = std::make_unique<services::NotificationService>(context);
  p.activity_consumer = std::make_unique<services::ActivityConsumer>(p.ids);
  p.notification_consumer = std::make_unique<services::NotificationConsumer>(p.ids, [&p] {
    if (p.handlers) p.handlers->notification_hub.Wake();
  });
  p.outbox->AddConsumer(*p.activity_consumer);
  p.outbox->AddConsumer(*p.notification_consumer);
}

// The agent binary published for self-update: the configured file, else the gpuaas-agent that
// was built or installed beside this server.
std::filesystem::path AgentBinaryFile(const server::ServerConfig& config) {
  if (!config.agent_binary_file.empty()) return config.agent_binary_file;
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path() / "gpuaas-agent";
}

// The fleet: the platform CA, enrollment, nodes, liveness and the agents' sessions.
void BuildFleet(ServerApp::Parts& p, const services::ServiceContext& context) {
  const auto& c = p.config;
  auto& settings = p.fleet_settings;
  settings.heartbeat_interval = std::chrono::seconds(c.node_heartbeat_seconds);
  settings.offline_after = std::chrono::seconds(c.node_offline_after_seconds);
  settings.certificate_lifetime = std::chrono::seconds(c.node_certificate_lifetime_seconds);
  if (!c.agent_version.empty()) settings.desired_agent_version = c.agent_version;
  const auto replica = ReplicaName();
  p.platform_ca = std::make_unique<services::PlatformCaService>(context, c.secrets_key_file);
  p.sites = std::make_unique<services::SiteService>(context);
  p.bootstrap_tokens = std::make_unique<services::BootstrapTokenService>(context, *p.platform_ca);
  p.enrollment = std::make_unique<services::EnrollmentService>(context, *p.platform_ca, settings);
  p.nodes = std::make_unique<services::NodeService>(context, settings);
  p.node_tasks = std::make_unique<services::NodeTaskService>(context, [&p] {
    if (p.handlers) p.handlers->agent_hub.Wake();
  });
  p.agent_release = std::make_unique<services::AgentReleaseService>(
      AgentBinaryFile(c), settings.desired_agent_version.value_or(std::string(GetBuildInfo().version)));
  p.setup = std::make_unique<services::SetupChecklistService>(context, *p.platform_ca, settings, *p.agent_release);
  p.agent_sessions = std::make_unique<services::AgentSessionService>(context, *p.platform_ca, settings, replica);
  p.liveness = std::make_unique<services::LivenessRecorder>(context, settings, replica);
}

// Compute: the catalog, workloads, their operations and the scheduler that places them. A pass
// runs when a launch wakes it, and every second for capacity freed by releases, nodes coming
// back and other replicas' launches.
void BuildCompute(ServerApp::Parts& p, const services::ServiceContext& context) {
  p.skus = std::make_unique<services::SkuService>(context);
  p.workload_transitions = std::make_unique<services::WorkloadTransitions>(context);
  services::RegisterComputeOperations(p.operation_kinds, *p.node_tasks, *p.workload_transitions);
  p.scheduler = std::make_unique<services::SchedulerService>(context, *p.operations);
  p.scheduler_loop = std::make_unique<WorkerLoop>(std::chrono::seconds(1), [&p] {
    auto placed = p.scheduler->Pass();
    if (!placed) {
      p.logger.Warn("scheduler_pass_failed", {{"cause", placed.error().message()}});
      return false;
    }
    return *placed > 0;
  });
  p.workloads = std::make_unique<services::WorkloadService>(context, [&p] { p.scheduler_loop->Wake(); });
}

void BuildServices(ServerApp::Parts& p) {
  const auto& c = p.config;
  p.hasher = std::make_unique<services::PasswordHasher>(
      c.minimum_password_cost ? services::PasswordHashCost::kMinimum : services::PasswordHashCost::kInteractive);
  p.audit = std::make_unique<services::AuditTrail>(*p.database, p.clock, p.ids);
  const services::ServiceContext context{*p.database, p.clock, p.ids, *p.audit};
  services::AuthSettings auth_settings;
  auth_settings.signup_enabled = c.signup_enabled;
  p.auth = std::make_unique<services::AuthService>(context, *p.hasher, auth_settings);
  p.users = std::make_unique<services::UserService>(context, *p.hasher, *p.auth);
  p.ssh_keys = std::make_unique<services::SshKeyService>(context);
  p.credentials = std::make_unique<services::CredentialService>(context, *p.auth);
  p.tenancy = std::make_unique<services::TenancyService>(context);
  p.audit_query = std::make_unique<services::AuditQueryService>(context);
  p.quotas = std::make_unique<services::QuotaService>(context);
  p.entitlements = std::make_unique<services::EntitlementService>(context);
  p.idempotency = std::make_unique<services::IdempotencyService>(*p.database, p.clock);
  BuildFleet(p, context);
  BuildOperations(p, context);
  BuildCompute(p, context);
  const api::ApiServices services{
      *p.auth,          *p.users,          *p.ssh_keys,         *p.credentials,   *p.tenancy,
      *p.audit_query,   *p.quotas,         *p.entitlements,     *p.operations,    *p.activity,
      *p.notifications, *p.sites,          *p.bootstrap_tokens, *p.nodes,         *p.setup,
      *p.enrollment,    *p.agent_sessions, *p.liveness,         *p.agent_release, *p.skus,
      *p.workloads};
  auto origins = c.allowed_origins;
  std::string public_origin;
  if (!c.public_url.empty()) {
    // The origin of the public URL: scheme://host[:port], without a path. Browsers from it may
    // open WebSockets, and bootstrap tokens send agents to it.
    const auto path = c.public_url.find('/', c.public_url.find("://") + 3);
    public_origin = c.public_url.substr(0, path);
    origins.push_back(public_origin);
  }
  p.handlers = std::make_unique<api::ApiHandlers>(p.clock, services, c.public_url.rfind("https://", 0) == 0,
                                                  std::move(origins), c.notification_poll, public_origin);
}

// On an empty database: the first platform admin, whose login is printed once, here.
Status EnsureFirstAdmin(ServerApp::Parts& p) {
  const auto& c = p.config;
  GPUAAS_ASSIGN_OR_RETURN(const auto admin,
                          p.users->EnsureFirstAdmin(
                              c.admin_email.empty() ? std::nullopt : std::optional<std::string>(c.admin_email),
                              c.admin_password.empty() ? std::nullopt : std::optional<std::string>(c.admin_password)));
  if (!admin) return Ok();
  p.logger.Info("first_admin_created", {{"email", admin->email}});
  std::cout << "\n  First platform admin created.\n    email:    " << admin->email << "\n    password: "
            << (admin->password_generated ? admin->password : std::string("(the one in GPUAAS_ADMIN_PASSWORD)"))
            << "\n  This is shown once; change the password after signing in (Account > Profile).\n\n"
            << std::flush;
  return Ok();
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
  parts_->liveness_sweeper.reset();
  if (parts_->scheduler_loop) parts_->scheduler_loop->Stop();
  if (parts_->handlers) parts_->handlers->agent_hub.Stop();
  if (parts_->runner) parts_->runner->Stop();
  if (parts_->outbox) parts_->outbox->Stop();
}

Result<std::unique_ptr<ServerApp>> ServerApp::Create(const ServerConfig& config) {
  auto parts = std::make_unique<Parts>();
  auto& p = *parts;
  p.config = config;
  GPUAAS_ASSIGN_OR_RETURN(p.database, OpenStore(config));
  p.migrations = std::make_unique<store::MigrationRunner>(*p.database, p.clock, store::EmbeddedMigrations());
  p.readiness = std::make_unique<services::ReadinessService>(*p.database, *p.migrations);
  BuildServices(p);
  const auto& build = GetBuildInfo();
  p.metrics.SetBuildInfo(std::string(build.version), std::string(build.commit));
  p.console = api::ConsoleAssets::Load(config.web_root);
  GPUAAS_RETURN_IF_ERROR(api::RegisterRoutes(
      p.router, api::ApiDependencies{p.clock, p.ids, p.metrics, *p.readiness, p.console, *p.handlers}));
  BuildMiddlewareChain(p.chain, p);
  p.pool = std::make_unique<net::BlockingPool>(config.worker_threads, config.worker_queue_limit);
  p.metrics.SetQueueDepthProbe([pool = p.pool.get()] { return pool->queue_depth(); });
  p.metrics.AddCollector([hub = &p.handlers->agent_hub] { return api::RenderFleetMetrics(*hub); });
  p.http = std::make_unique<net::HttpServer>(HttpOptions(config), p.router, p.chain, *p.pool, p.metrics);
  return std::make_unique<ServerApp>(std::move(parts));
}

Result<std::uint16_t> ServerApp::Start() {
  auto& p = *parts_;
  GPUAAS_ASSIGN_OR_RETURN(const int applied, p.migrations->Apply());
  services::InstallationService installation_service(*p.database, p.clock, p.ids);
  GPUAAS_ASSIGN_OR_RETURN(const auto installation, installation_service.Ensure());
  GPUAAS_RETURN_IF_ERROR(EnsureFirstAdmin(p));
  if (p.config.minimum_password_cost) {
    p.logger.Warn("weak_password_hashing", {{"reason", "password_hash_cost=minimum is for test suites only"}});
  }
  // Idempotency keys are kept 24 hours; expired ones are removed in small batches.
  p.idempotency_sweeper = std::make_unique<PeriodicTask>(std::chrono::minutes(5), [&p] {
    if (auto swept = p.idempotency->Sweep(); !swept) {
      p.logger.Warn("idempotency_sweep_failed", {{"cause", swept.error().message()}});
    }
  });
  GPUAAS_RETURN_IF_ERROR(p.platform_ca->Ensure());
  // Liveness: the newest heartbeat of each node written in one batch, silent nodes marked
  // offline, every second.
  p.liveness_sweeper = std::make_unique<PeriodicTask>(std::chrono::seconds(1), [&p] {
    if (auto swept = p.liveness->Sweep(); !swept) {
      p.logger.Warn("liveness_sweep_failed", {{"cause", swept.error().message()}});
    }
  });
  GPUAAS_ASSIGN_OR_RETURN(const auto port, p.http->Listen());
  p.runner->Start();
  p.outbox->Start();
  p.scheduler_loop->Start();
  p.handlers->notification_hub.Start();
  p.handlers->agent_hub.Start();
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
  parts_->liveness_sweeper.reset();
  parts_->scheduler_loop->Stop();
  parts_->handlers->agent_hub.Stop();
  parts_->runner->Stop();
  parts_->outbox->Stop();
  parts_->pool->Shutdown();
}

Result<int> MigrateDatabase(const ServerConfig& config) {
  GPUAAS_ASSIGN_OR_RETURN(auto database, OpenStore(config));
  SystemClock clock;
  store::MigrationRunner runner(*database, clock, store::EmbeddedMigrations());
  return runner.Apply();
}

Result<services::AuditVerification> VerifyAuditChain(const ServerConfig& config) {
  GPUAAS_ASSIGN_OR_RETURN(auto database, OpenStore(config));
  SystemClock clock;
  RandomIdGenerator ids(clock);
  services::AuditTrail audit(*database, clock, ids);
  return audit.Verify();
}

}  // namespace gpuaas::server

namespace gpuaas::server {

Result<std::string> CreateHostBootstrapToken(const ServerConfig& config, const std::string& site,
                                             const std::string& profile, const std::string& server_url) {
  GPUAAS_ASSIGN_OR_RETURN(auto database, OpenStore(config));
  SystemClock clock;
  RandomIdGenerator ids(clock);
  store::MigrationRunner migrations(*database, clock, store::EmbeddedMigrations());
  GPUAAS_ASSIGN_OR_RETURN(const int applied, migrations.Apply());
  (void)applied;
  services::AuditTrail audit(*database, clock, ids);
  const services::ServiceContext context{*database, clock, ids, audit};
  services::PlatformCaService ca(context, config.secrets_key_file);
  GPUAAS_RETURN_IF_ERROR(ca.Ensure());
  services::BootstrapTokenService tokens(context, ca);
  GPUAAS_ASSIGN_OR_RETURN(const auto created, tokens.CreateOnHost(site, profile, server_url));
  return created.secret;
}

}  // namespace gpuaas::server
