#include "api/fleet/agent_hub.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <vector>

#include "wire/error_envelope.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::api {
namespace {

constexpr std::size_t kJobThreads = 2;
constexpr std::size_t kJobQueueLimit = 50000;  // a whole fleet reconnecting after a restart
// Hellos (and disconnects) recorded per transaction: big enough that a reconnecting fleet costs a few hundred
// commits, small enough that the first agents are welcomed within a fraction of a second.
constexpr std::size_t kHelloBatch = 256;

}  // namespace

bool AgentConnection::Send(std::string text) {
  const std::lock_guard lock(mutex_);
  return channel_ != nullptr && channel_->Send(std::move(text));
}

void AgentConnection::Close() {
  const std::lock_guard lock(mutex_);
  if (channel_ != nullptr) channel_->Close();
}

void AgentConnection::Detach() {
  const std::lock_guard lock(mutex_);
  channel_ = nullptr;
}

AgentHub::AgentHub(services::AgentSessionService& sessions, services::LivenessRecorder& liveness,
                   std::chrono::milliseconds poll, std::chrono::milliseconds hello_deadline)
    : sessions_(sessions),
      liveness_(liveness),
      hello_deadline_(hello_deadline),
      pool_(kJobThreads, kJobQueueLimit),
      hellos_(pool_, kHelloBatch, kJobQueueLimit,
              [this](std::vector<PendingHello> batch) { AnswerHellos(std::move(batch)); }),
      disconnects_(pool_, kHelloBatch, kJobQueueLimit,
                   [this](std::vector<services::AgentDisconnect> batch) { RecordDisconnects(batch); }),
      loop_(poll, [this] { return Pass(); }) {}

AgentHub::~AgentHub() { Stop(); }

void AgentHub::Start() { loop_.Start(); }

void AgentHub::Stop() {
  loop_.Stop();
  pool_.Shutdown();
}

bool AgentHub::SubmitHello(services::HelloRequest request, HelloAnswer answer) {
  return hellos_.Push({std::move(request), std::move(answer)});
}

bool AgentHub::SubmitDisconnect(std::string node_id, Timestamp connected_since) {
  return disconnects_.Push({std::move(node_id), connected_since});
}

void AgentHub::AnswerHellos(std::vector<PendingHello> batch) {
  std::vector<services::HelloRequest> requests;
  requests.reserve(batch.size());
  for (auto& pending : batch) requests.push_back(std::move(pending.request));
  auto answers = sessions_.Hellos(requests);
  for (std::size_t i = 0; i < batch.size(); ++i) batch[i].answer(std::move(answers[i]));
}

void AgentHub::RecordDisconnects(const std::vector<services::AgentDisconnect>& batch) {
  if (auto recorded = sessions_.Disconnects(batch); !recorded) {
    logger_.Warn("disconnects_not_recorded",
                 {{"count", std::to_string(batch.size())}, {"cause", recorded.error().message()}});
  }
}

std::shared_ptr<AgentConnection> AgentHub::Open(net::WebSocketChannel& channel) {
  const std::lock_guard lock(mutex_);
  auto connection = std::make_shared<AgentConnection>(channel, next_number_++);
  awaiting_hello_[connection->number()] = {connection, std::chrono::steady_clock::now() + hello_deadline_};
  return connection;
}

void AgentHub::StopHelloClock(const AgentConnection& connection) {
  const std::lock_guard lock(mutex_);
  awaiting_hello_.erase(connection.number());
}

void AgentHub::CloseSilentSockets() {
  std::vector<std::shared_ptr<AgentConnection>> late;
  {
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(mutex_);
    for (auto it = awaiting_hello_.begin(); it != awaiting_hello_.end();) {
      if (it->second.deadline > now) {
        ++it;
        continue;
      }
      if (auto connection = it->second.connection.lock()) late.push_back(std::move(connection));
      it = awaiting_hello_.erase(it);
    }
  }
  if (late.empty()) return;
  logger_.Info("agent_sockets_without_hello_closed", {{"count", std::to_string(late.size())}});
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(hello_deadline_).count();
  for (const auto& connection : late) {
    connection->Send(wire::RenderErrorEnvelope(
        Error::Unauthenticated("no hello within " + std::to_string(seconds) + " s of connecting"), ""));
    connection->Close();
  }
}

void AgentHub::Register(const std::string& node_id, const std::shared_ptr<AgentConnection>& connection) {
  std::shared_ptr<AgentConnection> previous;
  {
    const std::lock_guard lock(mutex_);
    auto& slot = by_node_[node_id];
    previous = std::exchange(slot, connection);
  }
  if (previous && previous != connection) {
    logger_.Info("agent_connection_replaced", {{"node_id", node_id}});
    previous->Send(wire::RenderErrorEnvelope(Error::Conflict("a newer connection of this node replaced this one"), ""));
    previous->Close();
  }
  // No wake-up here: a fleet reconnecting would run a delivery round per welcome. Tasks queued
  // for this node go out on the next round (notification_poll_ms).
}

void AgentHub::Unregister(const std::string& node_id, const std::shared_ptr<AgentConnection>& connection) {
  const std::lock_guard lock(mutex_);
  const auto it = by_node_.find(node_id);
  if (it != by_node_.end() && it->second == connection) by_node_.erase(it);
}

std::size_t AgentHub::size() const {
  const std::lock_guard lock(mutex_);
  return by_node_.size();
}

std::size_t AgentHub::awaiting_hello() const {
  const std::lock_guard lock(mutex_);
  return awaiting_hello_.size();
}

std::shared_ptr<AgentConnection> AgentHub::Find(std::string_view node_id) const {
  const std::lock_guard lock(mutex_);
  const auto it = by_node_.find(node_id);
  return it == by_node_.end() ? nullptr : it->second;
}

bool AgentHub::Pass() {
  CloseSilentSockets();
  if (size() == 0) return false;
  auto tasks = sessions_.TakeQueuedTasks([this](std::string_view node_id) { return Find(node_id) != nullptr; });
  if (!tasks) {
    logger_.Warn("task_delivery_failed", {{"cause", tasks.error().message()}});
    return false;
  }
  for (const auto& task : *tasks) {
    const auto connection = Find(task.node_id);
    boost::system::error_code ec;
    auto params = boost::json::parse(task.params, ec);
    wire::fleet::TaskFrame frame{task.id, task.kind,
                                 !ec && params.is_object() ? params.as_object() : boost::json::object{}};
    // A send that fails leaves the task "sent"; the operation waiting on it times out and
    // expires it, and a retry queues a new one.
    if (connection) connection->Send(wire::fleet::EncodeFrame(frame));
  }
  if (auto retired = sessions_.RetiredHeld(); retired) {
    for (const auto& node_id : *retired) {
      const auto connection = Find(node_id);
      if (!connection) continue;
      connection->Send(wire::RenderErrorEnvelope(Error::PermissionDenied("this node was retired"), ""));
      connection->Close();
    }
  }
  return !tasks->empty();
}

}  // namespace gpuaas::api
