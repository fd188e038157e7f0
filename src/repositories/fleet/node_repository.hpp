#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct NodeRecord {
  std::string id;
  std::string name;
  std::string hostname;
  std::string site_id;
  std::string profile;
  std::string state;       // enrolling | online | offline | cordoned | draining | retired
  std::string scheduling;  // schedulable | cordoned | draining
  bool connected = false;
  std::optional<Timestamp> connected_since;
  std::optional<std::string> connection_owner;  // the replica holding the agent's socket
  std::optional<std::int64_t> last_heartbeat_us;
  bool simulated = false;
  std::optional<std::string> gpu_model;
  std::int64_t gpu_count = 0;
  std::optional<std::string> agent_version;
  std::optional<std::string> inventory;  // wire::fleet::HostInventory JSON
  std::optional<Timestamp> inventory_at;
  std::optional<std::string> telemetry;  // JSON array of wire::fleet::GpuSample
  std::optional<Timestamp> telemetry_at;
  std::optional<std::string> cert_serial;
  std::optional<std::string> cert_fingerprint;
  std::optional<Timestamp> cert_not_before;
  std::optional<Timestamp> cert_not_after;
  std::optional<Timestamp> last_renewal_at;
  std::optional<std::string> last_renewal_error;
  Timestamp enrolled_at;
  std::optional<Timestamp> retired_at;
  Timestamp updated_at;
  std::int64_t version = 1;
  std::string site_name;  // joined for read models
};

struct NodeFilter {
  std::optional<std::string> state;
  std::optional<std::string> site_id;
  std::optional<std::string> gpu_model;
  std::optional<std::string> query;       // substring of name or hostname
  std::optional<std::string> after_name;  // the cursor: names sort the list
  std::int64_t limit = 50;
};

// The newest heartbeat of one node within a flush window.
struct HeartbeatWrite {
  std::string node_id;
  std::int64_t at_us = 0;
  std::string telemetry;
  Timestamp at;
};

class NodeRepository {
 public:
  // A second node with the same name is a `conflict` (unique index).
  static Status Insert(store::Session& session, const NodeRecord& node);
  static Result<std::optional<NodeRecord>> Find(store::Session& session, std::string_view id);
  static Result<std::optional<NodeRecord>> FindByName(store::Session& session, std::string_view name);
  static Result<std::vector<NodeRecord>> List(store::Session& session, const NodeFilter& filter);
  static Result<std::map<std::string, std::int64_t>> CountByState(store::Session& session);
  // Writes every mutable column when the row still has `node.version`, and bumps it: false when
  // another writer changed the node first (the caller reloads and decides again).
  static Result<bool> Update(store::Session& session, const NodeRecord& node);
  // Liveness in one statement per node of the batch, inside the caller's one transaction;
  // connected rows only, so a late flush never revives a node that was marked offline.
  static Status WriteHeartbeats(store::Session& session, const std::vector<HeartbeatWrite>& batch);
  // Nodes counted as alive (online, cordoned, draining) whose last heartbeat is older than
  // `cutoff_us`: the offline candidates. A closed socket alone does not make a node offline, so a
  // flapping network does not flap the node's state.
  static Result<std::vector<std::string>> SilentSince(store::Session& session, std::int64_t cutoff_us);
  // Offline nodes whose socket `owner` holds and whose heartbeats are newer than `cutoff_us`.
  static Result<std::vector<std::string>> HeartbeatingOffline(store::Session& session, std::string_view owner,
                                                              std::int64_t cutoff_us);
  // Retired nodes whose agent socket `owner` (a replica) still holds: to be closed.
  static Result<std::vector<std::string>> RetiredHeldBy(store::Session& session, std::string_view owner);
  static Status Delete(store::Session& session, std::string_view id);
};

}  // namespace gpuaas::repositories
