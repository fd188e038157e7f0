#include "services/fleet/liveness_recorder.hpp"

#include <boost/json.hpp>

#include <vector>

#include "repositories/fleet/node_repository.hpp"
#include "services/fleet/node_events.hpp"
#include "services/fleet/node_state.hpp"

namespace gpuaas::services {

using repositories::NodeRepository;

void LivenessRecorder::Record(const std::string& node_id, std::uint64_t connection,
                              const wire::fleet::HeartbeatFrame& beat) {
  boost::json::array gpus;
  for (const auto& gpu : beat.gpus) gpus.push_back(wire::fleet::ToJson(gpu));
  auto telemetry = boost::json::serialize(gpus);
  const auto now_us = MicrosSinceEpoch(context_.clock.Now());
  const std::lock_guard lock(mutex_);
  ++stats_.heartbeats;
  auto& pending = pending_[node_id];
  if (pending.connection == connection && beat.seq <= pending.last_seq) {
    ++stats_.stale_dropped;
    return;
  }
  pending.connection = connection;
  pending.last_seq = beat.seq;
  if (!pending.dirty) dirty_.push_back(node_id);
  pending.dirty = true;
  pending.at_us = now_us;
  pending.telemetry = std::move(telemetry);
}

void LivenessRecorder::Forget(const std::string& node_id, std::uint64_t connection) {
  const std::lock_guard lock(mutex_);
  const auto it = pending_.find(node_id);
  if (it != pending_.end() && it->second.connection == connection && !it->second.dirty) pending_.erase(it);
}

Status LivenessRecorder::Flush() {
  const std::lock_guard flushing(flush_mutex_);
  std::vector<repositories::HeartbeatWrite> batch;
  {
    const std::lock_guard lock(mutex_);
    batch.reserve(dirty_.size());
    for (auto& node_id : dirty_) {
      const auto it = pending_.find(node_id);
      if (it == pending_.end() || !it->second.dirty) continue;
      auto& pending = it->second;
      pending.dirty = false;
      batch.push_back(
          {std::move(node_id), pending.at_us, pending.telemetry, Timestamp(std::chrono::microseconds(pending.at_us))});
    }
    dirty_.clear();
  }
  if (batch.empty()) return Ok();
  GPUAAS_RETURN_IF_ERROR(context_.database.Write(
      [&](store::Session& session) { return NodeRepository::WriteHeartbeats(session, batch); }));
  const std::lock_guard lock(mutex_);
  ++stats_.batches;
  stats_.rows += batch.size();
  return Ok();
}

Status LivenessRecorder::Sweep() {
  GPUAAS_RETURN_IF_ERROR(Flush());
  const auto now = context_.clock.Now();
  const auto cutoff_us = MicrosSinceEpoch(now - settings_.offline_after);
  std::vector<std::string> silent;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(silent, NodeRepository::SilentSince(session, cutoff_us));
    return Ok();
  }));
  for (const auto& node_id : silent) {
    GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, node_id));
      // Re-checked in the transaction: a heartbeat or another replica may have come first.
      if (!node || (node->last_heartbeat_us && *node->last_heartbeat_us >= cutoff_us)) return Ok();
      if (node->state != "online" && node->state != "cordoned" && node->state != "draining") return Ok();
      node->state = "offline";
      node->updated_at = now;
      GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
      if (!saved) return Ok();  // changed meanwhile; the next sweep decides again
      {
        const std::lock_guard lock(mutex_);
        ++stats_.marked_offline;
      }
      return EmitNodeEvent(session, context_, *node, "node.offline",
                           "Offline: no heartbeat for " + std::to_string(settings_.offline_after.count()) + " s",
                           "platform");
    }));
  }
  return Revive(cutoff_us, now);
}

Status LivenessRecorder::Revive(std::int64_t cutoff_us, Timestamp now) {
  std::vector<std::string> revived;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(revived, NodeRepository::HeartbeatingOffline(session, replica_, cutoff_us));
    return Ok();
  }));
  for (const auto& node_id : revived) {
    GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(auto node, NodeRepository::Find(session, node_id));
      if (!node || node->state != "offline" || !node->connected) return Ok();
      const auto scheduling = ParseScheduling(node->scheduling).value_or(Scheduling::kCordoned);
      node->state = std::string(NodeStateName(DeriveNodeState(scheduling, {false, true, true})));
      node->updated_at = now;
      GPUAAS_ASSIGN_OR_RETURN(const bool saved, NodeRepository::Update(session, *node));
      if (!saved) return Ok();
      {
        const std::lock_guard lock(mutex_);
        ++stats_.revived;
      }
      return EmitNodeEvent(session, context_, *node, "node.online", "Back online: heartbeats resumed", "platform");
    }));
  }
  return Ok();
}

LivenessStats LivenessRecorder::stats() const {
  const std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace gpuaas::services
