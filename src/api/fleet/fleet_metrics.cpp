#include "api/fleet/fleet_metrics.hpp"

#include <cstdint>
#include <string_view>

namespace gpuaas::api {
namespace {

void Append(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            std::uint64_t value) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
  out.append(name).append(" ").append(std::to_string(value)).append("\n");
}

}  // namespace

std::string RenderFleetMetrics(AgentHub& hub) {
  const auto stats = hub.liveness().stats();
  std::string out;
  Append(out, "gpuaas_agent_connections", "gauge", "Agent sockets with an accepted hello on this replica.", hub.size());
  Append(out, "gpuaas_agent_connections_awaiting_hello", "gauge", "Agent sockets that have not sent a hello yet.",
         hub.awaiting_hello());
  Append(out, "gpuaas_agent_jobs_queued", "gauge",
         "Hello checks, renewals and task updates waiting for the hub's pool.", hub.jobs_queued());
  Append(out, "gpuaas_agent_heartbeats_total", "counter", "Heartbeats received.", stats.heartbeats);
  Append(out, "gpuaas_agent_heartbeats_stale_total", "counter",
         "Heartbeats dropped as older than one already seen on the same socket.", stats.stale_dropped);
  Append(out, "gpuaas_liveness_batches_total", "counter", "Liveness transactions written (one per flush with news).",
         stats.batches);
  Append(out, "gpuaas_liveness_rows_total", "counter", "Node rows those transactions updated.", stats.rows);
  Append(out, "gpuaas_nodes_marked_offline_total", "counter", "Nodes the liveness sweep marked offline.",
         stats.marked_offline);
  Append(out, "gpuaas_nodes_revived_total", "counter", "Offline nodes whose heartbeats resumed.", stats.revived);
  return out;
}

}  // namespace gpuaas::api
