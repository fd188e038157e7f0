#pragma once

#include "api/access/account_handlers.hpp"
#include "api/access/auth_handlers.hpp"
#include "api/access/live_sessions.hpp"
#include "api/access/quota_handlers.hpp"
#include "api/access/tenancy_handlers.hpp"
#include "api/access/user_admin_handlers.hpp"
#include "api/compute/compute_handlers.hpp"
#include "api/console/console_assets.hpp"
#include "api/evidence/activity_handlers.hpp"
#include "api/evidence/audit_handlers.hpp"
#include "api/fleet/agent_hub.hpp"
#include "api/fleet/agent_release_handlers.hpp"
#include "api/fleet/bootstrap_token_handlers.hpp"
#include "api/fleet/enrollment_handler.hpp"
#include "api/fleet/node_handlers.hpp"
#include "api/fleet/site_handlers.hpp"
#include "api/notifications/notification_handlers.hpp"
#include "api/notifications/notification_hub.hpp"
#include "api/operations/operation_handlers.hpp"
#include "net/metrics_registry.hpp"
#include "net/router.hpp"
#include "services/access/auth_service.hpp"
#include "services/access/credential_service.hpp"
#include "services/access/ssh_key_service.hpp"
#include "services/access/tenancy_service.hpp"
#include "services/access/user_service.hpp"
#include "services/evidence/audit_query_service.hpp"
#include "services/platform/readiness_service.hpp"
#include "shared/clock.hpp"
#include "shared/id.hpp"

namespace gpuaas::api {

// The services the API calls, built by the server's composition function.
struct ApiServices {
  services::AuthService& auth;
  services::UserService& users;
  services::SshKeyService& ssh_keys;
  services::CredentialService& credentials;
  services::TenancyService& tenancy;
  services::AuditQueryService& audit;
  services::QuotaService& quotas;
  services::EntitlementService& entitlements;
  services::OperationService& operations;
  services::ActivityService& activity;
  services::NotificationService& notifications;
  services::SiteService& sites;
  services::BootstrapTokenService& bootstrap_tokens;
  services::NodeService& nodes;
  services::SetupChecklistService& setup;
  services::EnrollmentService& enrollment;
  services::AgentSessionService& agent_sessions;
  services::LivenessRecorder& liveness;
  const services::AgentReleaseService& agent_release;
  services::SkuService& skus;
  services::WorkloadService& workloads;
};

// The handler objects behind the routes; they live as long as the router.
struct ApiHandlers {
  // `allowed_origins`: besides the server's own, the browser origins that may open WebSockets.
  // `public_origin`: the public URL's origin, which bootstrap tokens tell agents to call (empty: the
  // URL the operator used).
  ApiHandlers(const Clock& clock, const ApiServices& s, bool secure_cookies, std::vector<std::string> allowed_origins,
              std::chrono::milliseconds notification_poll, std::string public_origin)
      : allowed_origins(std::move(allowed_origins)),
        live_sessions(s.auth),
        notification_hub(s.notifications, notification_poll),
        auth(s.auth, s.users, secure_cookies),
        account(clock, s.users, s.auth, s.ssh_keys, s.credentials),
        users(s.users),
        tenancy(clock, s.tenancy, s.credentials),
        audit(s.audit),
        quotas(clock, s.quotas, s.entitlements),
        operations(s.operations),
        activity(s.activity),
        notifications(s.notifications),
        // A socket that has not sent its hello within the offline window is dropped, as a
        // silent node would be.
        agent_hub(s.agent_sessions, s.liveness, notification_poll, s.agent_sessions.settings().offline_after),
        sites(s.sites),
        bootstrap_tokens(clock, s.bootstrap_tokens, std::move(public_origin)),
        nodes(clock, s.nodes, s.setup),
        enrollment(s.enrollment),
        agent_release(s.agent_release),
        compute(clock, s.skus, s.workloads) {}

  std::vector<std::string> allowed_origins;
  LiveSessions live_sessions;
  NotificationHub notification_hub;
  AuthHandlers auth;
  AccountHandlers account;
  UserAdminHandlers users;
  TenancyHandlers tenancy;
  AuditHandlers audit;
  QuotaHandlers quotas;
  OperationHandlers operations;
  ActivityHandlers activity;
  NotificationHandlers notifications;
  AgentHub agent_hub;
  SiteHandlers sites;
  BootstrapTokenHandlers bootstrap_tokens;
  NodeHandlers nodes;
  EnrollmentHandler enrollment;
  AgentReleaseHandlers agent_release;
  ComputeHandlers compute;
};

// What the handlers need, built by the server's composition function.
struct ApiDependencies {
  const Clock& clock;
  IdGenerator& ids;
  const net::MetricsRegistry& metrics;
  services::ReadinessService& readiness;
  const ConsoleAssets& console;
  ApiHandlers& handlers;
};

// The one route table of the control plane. Every route here is in api/openapi.json and the
// other way round (tests/integration/openapi_contract_test.cpp checks both directions).
Status RegisterRoutes(net::Router& router, const ApiDependencies& deps);

}  // namespace gpuaas::api
