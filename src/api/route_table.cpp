#include "api/route_table.hpp"

#include <memory>

#include "api/platform/console_report_handler.hpp"
#include "api/platform/health_handlers.hpp"
#include "api/platform/heartbeat_socket.hpp"
#include "api/platform/metrics_handler.hpp"
#include "api/platform/openapi_handler.hpp"
#include "api/platform/version_handler.hpp"

namespace gpuaas::api {

using net::BodyPolicy;
using net::Execution;
using net::Method;
using net::Route;

Status RegisterRoutes(net::Router& router, const ApiDependencies& deps) {
  const Route routes[] = {
      // Platform: probes, metrics and self-description.
      {Method::kGet, "/healthz", HandleHealthz, Execution::kInline},
      {Method::kGet, "/readyz", ReadyzHandler(deps.readiness), Execution::kBlocking},
      {Method::kGet, "/metrics", MetricsHandler(deps.metrics), Execution::kInline},
      {Method::kGet, "/api/openapi.json", HandleOpenApi, Execution::kInline},
      {Method::kGet, "/api/v1/version", VersionHandler(), Execution::kInline},
      {Method::kPost, "/api/v1/console/reports", ConsoleReportHandler(deps.ids), Execution::kInline, BodyPolicy::kJson},
      {Method::kGet, "/ws/v1/heartbeat", nullptr, Execution::kInline, BodyPolicy::kNone,
       [&clock = deps.clock](const net::Request&) { return std::make_unique<HeartbeatSocket>(clock); }},
      // Console: the single-page app and its client-side routes. Last, so it only gets what
      // no API route matched.
      {Method::kGet, "/{path...}", std::cref(deps.console), Execution::kInline},
  };
  for (const auto& route : routes) GPUAAS_RETURN_IF_ERROR(router.Add(route));
  return Ok();
}

}  // namespace gpuaas::api
