#include "api/route_table.hpp"

#include <memory>

#include "api/access/session_socket.hpp"
#include "api/fleet/agent_socket.hpp"
#include "api/handler_support.hpp"
#include "api/notifications/notification_socket.hpp"
#include "api/platform/console_report_handler.hpp"
#include "api/platform/health_handlers.hpp"
#include "api/platform/heartbeat_socket.hpp"
#include "api/platform/metrics_handler.hpp"
#include "api/platform/openapi_handler.hpp"
#include "api/platform/version_handler.hpp"
#include "api/request_context.hpp"
#include "net/query_params.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::api {

using net::BodyPolicy;
using net::Execution;
using net::Method;
using net::Route;

namespace {

// A database-backed JSON route: runs on the worker pool; mutations with a body parse JSON.
Route Api(Method method, std::string path, net::Handler handler, std::string action = {},
          BodyPolicy body = BodyPolicy::kNone) {
  Route route{method, std::move(path), std::move(handler), Execution::kBlocking, body};
  route.action = std::move(action);
  return route;
}

Route ApiJson(Method method, std::string path, net::Handler handler, std::string action) {
  return Api(method, std::move(path), std::move(handler), std::move(action), BodyPolicy::kJson);
}

// The upgrade guard of browser-facing sockets: the origin must be allowed, and for
// `signed_in` sockets the caller must have presented a valid credential.
net::Handler SocketGuard(const std::vector<std::string>& allowed_origins, bool signed_in) {
  return [&allowed_origins, signed_in](net::Request& request) -> Result<net::Response> {
    GPUAAS_RETURN_IF_ERROR(CheckOrigin(request, allowed_origins));
    if (signed_in) GPUAAS_RETURN_IF_ERROR(services::Authorizer::RequireSignedIn(CallerOf(request)));
    return net::Response{};
  };
}

// /ws/notifications: a signed-in human user (inboxes are per user), and a well-formed cursor.
net::Handler NotificationSocketGuard(const std::vector<std::string>& allowed_origins) {
  return [&allowed_origins](net::Request& request) -> Result<net::Response> {
    GPUAAS_RETURN_IF_ERROR(CheckOrigin(request, allowed_origins));
    GPUAAS_RETURN_IF_ERROR(services::Authorizer::RequireUser(CallerOf(request)));
    GPUAAS_ASSIGN_OR_RETURN(const auto query, net::QueryParams::Parse(request.query));
    GPUAAS_RETURN_IF_ERROR(query.OnlyKnown({"after"}));
    GPUAAS_RETURN_IF_ERROR(query.Int("after", 0, INT64_MAX));
    return net::Response{};
  };
}

// The resume cursor of /ws/notifications, already checked by its guard.
std::optional<std::int64_t> AfterCursor(const net::Request& request) {
  auto query = net::QueryParams::Parse(request.query);
  if (!query) return std::nullopt;
  auto after = query->Int("after", 0, INT64_MAX);
  return after ? *after : std::nullopt;
}

}  // namespace

Status RegisterRoutes(net::Router& router, const ApiDependencies& deps) {
  auto& h = deps.handlers;
  auto sign_in = ApiJson(Method::kPost, "/api/v1/auth/login", Bind(h.auth, &AuthHandlers::Login), "auth.login");
  sign_in.audits_itself = true;
  // Starting an operation audits every outcome itself, with the kind and target it named.
  auto start_operation =
      ApiJson(Method::kPost, "/api/v1/operations", Bind(h.operations, &OperationHandlers::Start), "operation.start");
  start_operation.audits_itself = true;
  // Enrollment is authenticated by the bootstrap token in its body and audits every outcome.
  auto enroll =
      ApiJson(Method::kPost, "/api/v1/agent/enroll", Bind(h.enrollment, &EnrollmentHandler::Enroll), "node.enroll");
  enroll.audits_itself = true;
  const Route routes[] = {
      // Platform: probes, metrics and self-description.
      {Method::kGet, "/healthz", HandleHealthz, Execution::kInline},
      {Method::kGet, "/readyz", ReadyzHandler(deps.readiness), Execution::kBlocking},
      {Method::kGet, "/metrics", MetricsHandler(deps.metrics), Execution::kInline},
      {Method::kGet, "/api/openapi.json", HandleOpenApi, Execution::kInline},
      {Method::kGet, "/api/v1/version", VersionHandler(), Execution::kInline},
      {Method::kPost, "/api/v1/console/reports", ConsoleReportHandler(deps.ids), Execution::kInline, BodyPolicy::kJson},
      {Method::kGet, "/ws/v1/heartbeat", SocketGuard(h.allowed_origins, false), Execution::kInline, BodyPolicy::kNone,
       [&clock = deps.clock](const net::Request&) { return std::make_unique<HeartbeatSocket>(clock); }},
      {Method::kGet, "/ws/v1/session", SocketGuard(h.allowed_origins, true), Execution::kInline, BodyPolicy::kNone,
       [&live = h.live_sessions](const net::Request& request) {
         return std::make_unique<SessionSocket>(live, CallerOf(request).principal);
       }},
      {Method::kGet, "/ws/notifications", NotificationSocketGuard(h.allowed_origins), Execution::kInline,
       BodyPolicy::kNone,
       [&hub = h.notification_hub, &live = h.live_sessions](const net::Request& request) {
         return std::make_unique<NotificationSocket>(hub, live, CallerOf(request).principal, AfterCursor(request));
       }},

      // Agents: the control stream. Not a browser socket: the agent proves itself with its
      // certificate in the first frame, so there is no origin or credential to check here.
      {Method::kGet, "/ws/v1/agent", [](net::Request&) -> Result<net::Response> { return net::Response{}; },
       Execution::kInline, BodyPolicy::kNone,
       [&hub = h.agent_hub](const net::Request& request) {
         return std::make_unique<AgentSocket>(hub, request.remote_address);
       }},

      // Access: signing in and out.
      Api(Method::kGet, "/api/v1/auth/config", Bind(h.auth, &AuthHandlers::Config)),
      Api(Method::kGet, "/api/v1/auth/session", Bind(h.auth, &AuthHandlers::Session)),
      sign_in,
      ApiJson(Method::kPost, "/api/v1/auth/signup", Bind(h.auth, &AuthHandlers::Signup), "auth.signup"),
      Api(Method::kPost, "/api/v1/auth/logout", Bind(h.auth, &AuthHandlers::Logout), "auth.logout"),

      // Account: the caller's own profile and credentials.
      Api(Method::kGet, "/api/v1/users/me", Bind(h.account, &AccountHandlers::Me)),
      ApiJson(Method::kPatch, "/api/v1/users/me", Bind(h.account, &AccountHandlers::UpdateMe), "user.update_profile"),
      ApiJson(Method::kPost, "/api/v1/users/me/password", Bind(h.account, &AccountHandlers::ChangePassword),
              "user.change_password"),
      Api(Method::kGet, "/api/v1/users/me/sessions", Bind(h.account, &AccountHandlers::ListSessions)),
      Api(Method::kDelete, "/api/v1/users/me/sessions/{session_id}", Bind(h.account, &AccountHandlers::RevokeSession),
          "session.revoke"),
      Api(Method::kGet, "/api/v1/users/me/ssh-keys", Bind(h.account, &AccountHandlers::ListSshKeys)),
      ApiJson(Method::kPost, "/api/v1/users/me/ssh-keys", Bind(h.account, &AccountHandlers::AddSshKey),
              "ssh_key.create"),
      Api(Method::kDelete, "/api/v1/users/me/ssh-keys/{key_id}", Bind(h.account, &AccountHandlers::DeleteSshKey),
          "ssh_key.delete"),
      Api(Method::kGet, "/api/v1/users/me/tokens", Bind(h.account, &AccountHandlers::ListTokens)),
      ApiJson(Method::kPost, "/api/v1/users/me/tokens", Bind(h.account, &AccountHandlers::CreateToken), "token.create"),
      Api(Method::kDelete, "/api/v1/users/me/tokens/{token_id}", Bind(h.account, &AccountHandlers::RevokeToken),
          "token.revoke"),

      // Users: platform admin.
      Api(Method::kGet, "/api/v1/users", Bind(h.users, &UserAdminHandlers::List)),
      ApiJson(Method::kPost, "/api/v1/users", Bind(h.users, &UserAdminHandlers::Create), "user.create"),
      Api(Method::kGet, "/api/v1/users/{user_id}", Bind(h.users, &UserAdminHandlers::Get)),
      ApiJson(Method::kPatch, "/api/v1/users/{user_id}", Bind(h.users, &UserAdminHandlers::Update), "user.update"),
      Api(Method::kPost, "/api/v1/users/{user_id}/unlock", Bind(h.users, &UserAdminHandlers::Unlock), "user.unlock"),

      // Tenancy: tenants, projects, members, service accounts.
      Api(Method::kGet, "/api/v1/tenants", Bind(h.tenancy, &TenancyHandlers::ListTenants)),
      ApiJson(Method::kPost, "/api/v1/tenants", Bind(h.tenancy, &TenancyHandlers::CreateTenant), "tenant.create"),
      Api(Method::kGet, "/api/v1/tenants/{tenant_id}", Bind(h.tenancy, &TenancyHandlers::GetTenant)),
      Api(Method::kGet, "/api/v1/tenants/{tenant_id}/members", Bind(h.tenancy, &TenancyHandlers::ListTenantMembers)),
      ApiJson(Method::kPost, "/api/v1/tenants/{tenant_id}/members", Bind(h.tenancy, &TenancyHandlers::AddTenantMember),
              "tenant_member.add"),
      ApiJson(Method::kPatch, "/api/v1/tenants/{tenant_id}/members/{user_id}",
              Bind(h.tenancy, &TenancyHandlers::ChangeTenantMember), "tenant_member.change_role"),
      Api(Method::kDelete, "/api/v1/tenants/{tenant_id}/members/{user_id}",
          Bind(h.tenancy, &TenancyHandlers::RemoveTenantMember), "tenant_member.remove"),
      ApiJson(Method::kPost, "/api/v1/tenants/{tenant_id}/projects", Bind(h.tenancy, &TenancyHandlers::CreateProject),
              "project.create"),
      Api(Method::kGet, "/api/v1/projects", Bind(h.tenancy, &TenancyHandlers::ListProjects)),
      Api(Method::kGet, "/api/v1/projects/{project_id}", Bind(h.tenancy, &TenancyHandlers::GetProject)),
      Api(Method::kGet, "/api/v1/projects/{project_id}/members", Bind(h.tenancy, &TenancyHandlers::ListProjectMembers)),
      ApiJson(Method::kPost, "/api/v1/projects/{project_id}/members",
              Bind(h.tenancy, &TenancyHandlers::AddProjectMember), "project_member.add"),
      ApiJson(Method::kPatch, "/api/v1/projects/{project_id}/members/{user_id}",
              Bind(h.tenancy, &TenancyHandlers::ChangeProjectMember), "project_member.change_role"),
      Api(Method::kDelete, "/api/v1/projects/{project_id}/members/{user_id}",
          Bind(h.tenancy, &TenancyHandlers::RemoveProjectMember), "project_member.remove"),
      Api(Method::kGet, "/api/v1/projects/{project_id}/service-accounts",
          Bind(h.tenancy, &TenancyHandlers::ListServiceAccounts)),
      ApiJson(Method::kPost, "/api/v1/projects/{project_id}/service-accounts",
              Bind(h.tenancy, &TenancyHandlers::CreateServiceAccount), "service_account.create"),
      Api(Method::kDelete, "/api/v1/projects/{project_id}/service-accounts/{service_account_id}",
          Bind(h.tenancy, &TenancyHandlers::DeleteServiceAccount), "service_account.delete"),
      ApiJson(Method::kPost, "/api/v1/projects/{project_id}/service-accounts/{service_account_id}/tokens",
              Bind(h.tenancy, &TenancyHandlers::CreateServiceAccountToken), "token.create"),
      Api(Method::kDelete, "/api/v1/projects/{project_id}/service-accounts/{service_account_id}/tokens/{token_id}",
          Bind(h.tenancy, &TenancyHandlers::RevokeServiceAccountToken), "token.revoke"),

      // Quotas and entitlements: limits per platform, project and user; what a project may use.
      Api(Method::kGet, "/api/v1/quotas", Bind(h.quotas, &QuotaHandlers::Policy)),
      ApiJson(Method::kPut, "/api/v1/quotas/platform", Bind(h.quotas, &QuotaHandlers::SetPlatform),
              "quota.set_platform"),
      ApiJson(Method::kPut, "/api/v1/quotas/projects/{project_id}", Bind(h.quotas, &QuotaHandlers::SetProject),
              "quota.set_project"),
      Api(Method::kDelete, "/api/v1/quotas/projects/{project_id}", Bind(h.quotas, &QuotaHandlers::ClearProject),
          "quota.clear_project"),
      ApiJson(Method::kPut, "/api/v1/quotas/users/{user_id}", Bind(h.quotas, &QuotaHandlers::SetUser),
              "quota.set_user"),
      Api(Method::kDelete, "/api/v1/quotas/users/{user_id}", Bind(h.quotas, &QuotaHandlers::ClearUser),
          "quota.clear_user"),
      Api(Method::kGet, "/api/v1/projects/{project_id}/quota", Bind(h.quotas, &QuotaHandlers::Headroom)),
      Api(Method::kGet, "/api/v1/projects/{project_id}/entitlements", Bind(h.quotas, &QuotaHandlers::GetEntitlements)),
      ApiJson(Method::kPut, "/api/v1/projects/{project_id}/entitlements",
              Bind(h.quotas, &QuotaHandlers::SetEntitlements), "entitlement.set"),

      // Operations: lifecycle changes as durable operations, and each family's catalogue.
      start_operation,
      Api(Method::kGet, "/api/v1/operations", Bind(h.operations, &OperationHandlers::List)),
      Api(Method::kGet, "/api/v1/operations/{operation_id}", Bind(h.operations, &OperationHandlers::Get)),
      Api(Method::kPost, "/api/v1/operations/{operation_id}/cancel", Bind(h.operations, &OperationHandlers::Cancel),
          "operation.cancel"),
      Api(Method::kPost, "/api/v1/operations/{operation_id}/retry", Bind(h.operations, &OperationHandlers::Retry),
          "operation.retry"),
      Api(Method::kGet, "/api/v1/platform/operations", h.operations.Catalogue("platform", "", "platform")),
      Api(Method::kGet, "/api/v1/users/{user_id}/operations", h.operations.Catalogue("user", "user_id")),
      Api(Method::kGet, "/api/v1/tokens/{token_id}/operations", h.operations.Catalogue("token", "token_id")),
      Api(Method::kGet, "/api/v1/projects/{project_id}/operations", h.operations.Catalogue("project", "project_id")),
      Api(Method::kGet, "/api/v1/tenants/{tenant_id}/operations", h.operations.Catalogue("tenant", "tenant_id")),

      // Fleet: sites, enrollment, nodes and the platform setup checklist.
      Api(Method::kGet, "/api/v1/sites", Bind(h.sites, &SiteHandlers::List)),
      ApiJson(Method::kPost, "/api/v1/sites", Bind(h.sites, &SiteHandlers::Create), "site.create"),
      Api(Method::kGet, "/api/v1/node-profiles", Bind(h.sites, &SiteHandlers::Profiles)),
      Api(Method::kGet, "/api/v1/bootstrap-tokens", Bind(h.bootstrap_tokens, &BootstrapTokenHandlers::List)),
      ApiJson(Method::kPost, "/api/v1/bootstrap-tokens", Bind(h.bootstrap_tokens, &BootstrapTokenHandlers::Create),
              "bootstrap_token.create"),
      Api(Method::kGet, "/api/v1/bootstrap-tokens/{token_id}", Bind(h.bootstrap_tokens, &BootstrapTokenHandlers::Get)),
      Api(Method::kDelete, "/api/v1/bootstrap-tokens/{token_id}",
          Bind(h.bootstrap_tokens, &BootstrapTokenHandlers::Revoke), "bootstrap_token.revoke"),
      enroll,
      Api(Method::kGet, "/api/v1/agent/release", Bind(h.agent_release, &AgentReleaseHandlers::Current)),
      Api(Method::kGet, "/api/v1/agent/releases/{sha256}/gpuaas-agent",
          Bind(h.agent_release, &AgentReleaseHandlers::Download)),
      Api(Method::kGet, "/api/v1/nodes", Bind(h.nodes, &NodeHandlers::List)),
      Api(Method::kGet, "/api/v1/nodes/{node_id}", Bind(h.nodes, &NodeHandlers::Get)),
      Api(Method::kGet, "/api/v1/nodes/{node_id}/tasks", Bind(h.nodes, &NodeHandlers::Tasks)),
      Api(Method::kGet, "/api/v1/nodes/{node_id}/operations", h.operations.Catalogue("node", "node_id")),
      Api(Method::kGet, "/api/v1/platform/setup", Bind(h.nodes, &NodeHandlers::Setup)),

      // Compute: the SKU catalog and workloads (operations act on them through /api/v1/operations).
      Api(Method::kGet, "/api/v1/skus", Bind(h.compute, &ComputeHandlers::Catalog)),
      ApiJson(Method::kPost, "/api/v1/workloads", Bind(h.compute, &ComputeHandlers::Launch), "workload.launch"),
      Api(Method::kGet, "/api/v1/workloads", Bind(h.compute, &ComputeHandlers::List)),
      Api(Method::kGet, "/api/v1/workloads/{workload_id}", Bind(h.compute, &ComputeHandlers::Get)),
      Api(Method::kGet, "/api/v1/workloads/{workload_id}/operations", h.operations.Catalogue("workload", "workload_id")),

      // Notifications: the caller's inbox (live on /ws/notifications).
      Api(Method::kGet, "/api/v1/notifications", Bind(h.notifications, &NotificationHandlers::List)),
      Api(Method::kPost, "/api/v1/notifications/read-all", Bind(h.notifications, &NotificationHandlers::MarkAllRead),
          "notification.read_all"),
      Api(Method::kPost, "/api/v1/notifications/{notification_id}/read",
          Bind(h.notifications, &NotificationHandlers::MarkRead), "notification.read"),
      Api(Method::kDelete, "/api/v1/notifications/{notification_id}",
          Bind(h.notifications, &NotificationHandlers::Delete), "notification.delete"),

      // Evidence: the activity streams of resources.
      Api(Method::kGet, "/api/v1/activity", Bind(h.activity, &ActivityHandlers::List)),

      // Evidence: the audit trail.
      Api(Method::kGet, "/api/v1/audit", Bind(h.audit, &AuditHandlers::List)),
      Api(Method::kGet, "/api/v1/audit/export", Bind(h.audit, &AuditHandlers::Export)),
      Api(Method::kGet, "/api/v1/audit/{audit_id}", Bind(h.audit, &AuditHandlers::Get)),

      // Console: the single-page app and its client-side routes. Last, so it only gets what
      // no API route matched.
      {Method::kGet, "/{path...}", std::cref(deps.console), Execution::kInline},
  };
  for (const auto& route : routes) GPUAAS_RETURN_IF_ERROR(router.Add(route));
  return Ok();
}

}  // namespace gpuaas::api
