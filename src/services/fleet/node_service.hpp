#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "repositories/fleet/node_repository.hpp"
#include "repositories/fleet/node_task_repository.hpp"
#include "services/access/caller.hpp"
#include "services/fleet/fleet_settings.hpp"
#include "services/fleet/node_state.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// valid | renewal_due | expired | revoked | none
std::string_view CertificateState(const repositories::NodeRecord& node, Timestamp now, bool serial_revoked = false);

struct NodeView {
  repositories::NodeRecord node;
  std::string certificate_state;
  bool serial_revoked = false;
};

struct NodePage {
  std::vector<NodeView> items;
  std::optional<std::string> next_cursor;
  std::map<std::string, std::int64_t> counts;  // by state, plus "total"
};

// The fleet's read models and the lifecycle changes operations make. Platform admins only:
// tenants never see nodes, only the capacity they rent.
class NodeService {
 public:
  NodeService(ServiceContext context, const FleetSettings& settings) : context_(context), settings_(settings) {}

  Result<NodePage> List(const Caller& caller, repositories::NodeFilter filter);
  Result<NodeView> Get(const Caller& caller, std::string_view node_id);
  Result<std::vector<repositories::NodeTaskRecord>> Tasks(const Caller& caller, std::string_view node_id);
  [[nodiscard]] const FleetSettings& settings() const { return settings_; }

  // Used by the node operations' steps, inside their transaction.
  Status ApplyScheduling(store::Session& session, const Caller& actor, std::string_view node_id, Scheduling scheduling);
  Status ApplyRetire(store::Session& session, const Caller& actor, std::string_view node_id);
  Status ApplyRemove(store::Session& session, const Caller& actor, std::string_view node_id);

  // Polls for up to `wait` until the node's agent has connected again after `after`, reporting
  // `version`: an update or restart has taken. unavailable while not, so the runner retries.
  Status AwaitReconnected(std::string_view node_id, Timestamp after, std::string_view version,
                          std::chrono::milliseconds wait);

 private:
  Result<repositories::NodeRecord> Load(store::Session& session, std::string_view node_id);
  Status Save(store::Session& session, const repositories::NodeRecord& node);

  ServiceContext context_;
  const FleetSettings& settings_;
};

}  // namespace gpuaas::services
