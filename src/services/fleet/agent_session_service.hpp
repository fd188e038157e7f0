#pragma once

#include <functional>
#include <string>
#include <vector>

#include "repositories/fleet/node_task_repository.hpp"
#include "services/fleet/fleet_settings.hpp"
#include "services/fleet/platform_ca_service.hpp"
#include "services/service_context.hpp"
#include "shared/pki/verify.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {

struct AgentConnected {
  wire::fleet::WelcomeFrame welcome;
  Timestamp connected_since;
};

// A socket of `node_id` that closed; only if it is still the node's current connection does it count.
struct AgentDisconnect {
  std::string node_id;
  Timestamp connected_since;
};

// One socket's hello, with the challenge it answers and where it came from.
struct HelloRequest {
  wire::fleet::HelloFrame hello;
  std::string nonce;
  std::string client_ip;
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

  // Sockets' hellos, answered in order. Each: the certificate against the platform CA, the
  // signature over its nonce, the serial against revocation, the node against retirement; then
  // the node is marked connected here. Refusals are unauthenticated (bad or revoked credentials)
  // or permission_denied (retired), audited, and change nothing. Every hello that passed is
  // recorded in one transaction, so a fleet reconnecting after a restart costs one commit (one
  // fsync on SQLite) per batch instead of one per node.
  std::vector<Result<AgentConnected>> Hellos(const std::vector<HelloRequest>& requests);
  // Only the connection that is still the node's current one clears it.
  Status Disconnected(const std::string& node_id, Timestamp connected_since);
  // Many at once, in one transaction.
  Status Disconnects(const std::vector<AgentDisconnect>& disconnects);
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
  // Inside the batch's transaction: the outer error aborts it (the store failed), the inner one
  // refuses this hello alone (revoked, retired, removed) before it writes anything.
  Result<Result<AgentConnected>> ApplyHello(store::Session& session, const wire::fleet::HelloFrame& hello,
                                            const pki::VerifiedNode& verified, Timestamp now);
  void AuditRefusal(const HelloRequest& request, const Error& error);

  ServiceContext context_;
  const PlatformCaService& ca_;
  const FleetSettings& settings_;
  std::string replica_;
};

}  // namespace gpuaas::services
