#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "services/fleet/fleet_settings.hpp"
#include "services/service_context.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {

struct LivenessStats {
  std::uint64_t heartbeats = 0;      // received
  std::uint64_t stale_dropped = 0;   // older than one already seen on the same connection
  std::uint64_t batches = 0;         // transactions written
  std::uint64_t rows = 0;            // node rows updated by them
  std::uint64_t marked_offline = 0;  // by the sweep
  std::uint64_t revived = 0;         // offline nodes whose heartbeats resumed
};

// Heartbeats never write a row each: the newest beat of each node is kept in memory and written
// in one transaction per flush (every second or two), which bounds database work by the number
// of nodes, not by the heartbeat rate. The sweep marks silent nodes offline and brings back those
// whose heartbeats resumed on a socket this replica holds.
class LivenessRecorder {
 public:
  LivenessRecorder(ServiceContext context, const FleetSettings& settings, std::string replica)
      : context_(context), settings_(settings), replica_(std::move(replica)) {}

  // `connection` numbers the agent's sockets on this replica; a beat with a seq not above the
  // last one of the same connection is stale (reordered or replayed) and dropped.
  void Record(const std::string& node_id, std::uint64_t connection, const wire::fleet::HeartbeatFrame& beat);
  // Forgets a node's pending beat state when its socket closes.
  void Forget(const std::string& node_id, std::uint64_t connection);

  Status Flush();
  Status Sweep();
  [[nodiscard]] LivenessStats stats() const;

 private:
  Status Revive(std::int64_t cutoff_us, Timestamp now);

  struct Pending {
    std::uint64_t connection = 0;
    std::int64_t last_seq = 0;
    bool dirty = false;
    std::int64_t at_us = 0;
    std::string telemetry;
  };

  ServiceContext context_;
  const FleetSettings& settings_;
  std::string replica_;
  mutable std::mutex mutex_;
  std::map<std::string, Pending, std::less<>> pending_;
  // The nodes whose pending beat is not written yet: a flush visits these, not every node held.
  std::vector<std::string> dirty_;
  LivenessStats stats_;
  std::mutex flush_mutex_;  // one flush at a time
};

}  // namespace gpuaas::services
