// Every route the server registers is in api/openapi.json, and every operation there is
// registered: the document cannot drift from the code.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "api/platform/openapi_handler.hpp"
#include "api/route_table.hpp"
#include "services/evidence/activity_service.hpp"
#include "services/notifications/notification_service.hpp"
#include "services/operations/kinds/access_operations.hpp"
#include "services/operations/kinds/platform_operations.hpp"
#include "services/operations/operation_service.hpp"
#include "services/platform/readiness_service.hpp"
#include "store/migrations/migration_runner.hpp"
#include "store/open_database.hpp"
#include "tests/support/test_database.hpp"

namespace gpuaas {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// "/{path...}" is written "/{path}" in OpenAPI, which has no multi-segment parameters.
std::string OpenApiPath(std::string path) {
  const auto tail = path.find("...}");
  if (tail != std::string::npos) path.erase(tail, 3);
  return path;
}

TEST(OpenApiContract, DocumentAndRouteTableAgree) {
  testing::TestDatabase test_database;
  auto database = store::OpenDatabase(*store::DatabaseUrl::Parse(test_database.url()), store::StoreOptions{});
  ASSERT_TRUE(database.ok());
  SystemClock clock;
  RandomIdGenerator ids(clock);
  store::MigrationRunner migrations(**database, clock, store::EmbeddedMigrations());
  services::ReadinessService readiness(**database, migrations);
  net::MetricsRegistry metrics;
  const auto console = api::ConsoleAssets::Load("/nonexistent");
  net::Router router;
  services::PasswordHasher hasher(services::PasswordHashCost::kMinimum);
  services::AuditTrail audit(**database, clock, ids);
  const services::ServiceContext context{**database, clock, ids, audit};
  services::AuthService auth(context, hasher, {});
  services::UserService users(context, hasher, auth);
  services::SshKeyService ssh_keys(context);
  services::CredentialService credentials(context, auth);
  services::TenancyService tenancy(context);
  services::AuditQueryService audit_query(context);
  services::QuotaService quotas(context);
  services::EntitlementService entitlements(context);
  services::OperationRegistry registry;
  services::RegisterPlatformOperations(registry);
  services::RegisterAccessOperations(registry, clock, users, credentials, auth);
  services::OperationService operations(context, registry, {});
  services::ActivityService activity(context, registry);
  services::NotificationService notifications(context);
  const services::FleetSettings fleet;
  services::PlatformCaService ca(context, "/nonexistent/secrets.key");
  services::SiteService sites(context);
  services::BootstrapTokenService bootstrap_tokens(context, ca);
  services::NodeService nodes(context, fleet);
  const services::AgentReleaseService agent_release("/nonexistent/gpuaas-agent", "0.0.0");
  services::SetupChecklistService setup(context, ca, fleet, agent_release);
  services::EnrollmentService enrollment(context, ca, fleet);
  services::AgentSessionService agent_sessions(context, ca, fleet, "contract-test");
  services::LivenessRecorder liveness(context, fleet, "contract-test");
  services::SkuService skus(context);
  services::WorkloadService workloads(context, {});
  api::ApiHandlers handlers(
      clock,
      {auth, users, ssh_keys, credentials, tenancy, audit_query, quotas, entitlements, operations, activity,
       notifications, sites, bootstrap_tokens, nodes, setup, enrollment, agent_sessions, liveness, agent_release, skus,
       workloads},
      false, {}, std::chrono::milliseconds(1000), "");
  ASSERT_TRUE(
      api::RegisterRoutes(router, api::ApiDependencies{clock, ids, metrics, readiness, console, handlers}).ok());

  std::set<std::string> registered;
  for (const auto* route : router.routes()) {
    registered.insert(Lower(net::MethodName(route->method)) + " " + OpenApiPath(route->path));
  }

  const auto document = boost::json::parse(api::OpenApiDocument()).as_object();
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      documented.insert(std::string(method) + " " + std::string(path));
      EXPECT_TRUE(operation.as_object().contains("operationId")) << method << " " << path;
    }
  }
  for (const auto& route : registered) EXPECT_TRUE(documented.contains(route)) << route << " is not in openapi.json";
  for (const auto& operation : documented) {
    EXPECT_TRUE(registered.contains(operation)) << operation << " is documented but not registered";
  }
}

}  // namespace
}  // namespace gpuaas
