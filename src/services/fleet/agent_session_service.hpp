#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "repositories/fleet/node_task_repository.hpp"
#include "services/fleet/fleet_settings.hpp"
#include "services/fleet/platform_ca_service.hpp"
#include "services/service_context.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {

struct AgentConnected {
  wire::fleet::WelcomeFrame welcome;
  Timestamp connected_since;
};

// What the agent socket asks of the platform: authenticate a hello, record connect and
// disconnect, renew certificates, take task updates, and hand out queued tasks. Blocking
// (database) work: the socket calls it from the worker pool, never from an IO thread.
class AgentSessionService {
 public:
  AgentSessionService(ServiceContext context, const PlatformCaService& ca, const FleetSettings& settings,
                      std::string replica)
      : context_(context), ca_(ca), settings_(settings), replica_(std::move(replica)) {}

  [[nodiscard]] const FleetSettings& settings() const { return settings_; }

  // Checks the certificate against the platform CA, the signature over `nonce`, the serial
  // against revocation and the node against retirement; then marks the node connected here.
  // Refusals are unauthenticated (bad or revoked credentials) or permission_denied (retired),
  // audited, and change nothing.
  Result<AgentConnected> Hello(const wire::fleet::HelloFrame& hello, std::string_view nonce,
                               const std::string& client_ip);
  // Only the connection that is still the node's current one clears it.
  Status Disconnected(const std::string& node_id, Timestamp connected_since);
  Result<wire::fleet::CertificateFrame> Renew(const std::string& node_id, const wire::fleet::RenewFrame& renew);
  Status TaskUpdate(const std::string& node_id, const wire::fleet::TaskUpdateFrame& update);
  // Queued tasks of the nodes `holds` says this replica has sockets for, marked sent. A round with
  // nothing for them is one read; only tasks to hand out take a write transaction.
  Result<std::vector<repositories::NodeTaskRecord>> TakeQueuedTasks(
      const std::function<bool(std::string_view node_id)>& holds);
  // Retired nodes whose sockets this replica holds: the socket layer closes them.
  Result<std::vector<std::string>> RetiredHeld();

 private:
  Status RecordRenewalFailure(const std::string& node_id, const std::string& message);

  ServiceContext context_;
  const PlatformCaService& ca_;
  const FleetSettings& settings_;
  std::string replica_;
};

}  // namespace gpuaas::services
