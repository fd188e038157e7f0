#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "api/fleet/batch_drain.hpp"
#include "net/blocking_pool.hpp"
#include "net/websocket_handler.hpp"
#include "services/fleet/agent_session_service.hpp"
#include "services/fleet/liveness_recorder.hpp"
#include "shared/log.hpp"
#include "shared/worker_loop.hpp"

namespace gpuaas::api {

// One agent socket as the hub and the background jobs see it. The channel belongs to the
// network session and goes away when the socket closes, so every send goes through here and
// is dropped once closed.
class AgentConnection {
 public:
  AgentConnection(net::WebSocketChannel& channel, std::uint64_t number) : channel_(&channel), number_(number) {}
  bool Send(std::string text);
  void Close();
  void Detach();  // the socket closed: no more sends
  [[nodiscard]] std::uint64_t number() const { return number_; }

 private:
  std::mutex mutex_;
  net::WebSocketChannel* channel_;
  const std::uint64_t number_;
};

// The agent sockets this replica holds, by node. It runs the sockets' blocking work (hello
// checks, renewals, task updates) on its own small pool so agents never wait behind API
// requests, and one delivery loop that hands queued tasks to the agents it holds (one query a
// round for the whole replica, so cost does not grow with the number of sockets) and closes
// the sockets of nodes retired meanwhile.
class AgentHub {
 public:
  // `hello_deadline`: how long a socket may stay connected without sending its hello.
  AgentHub(services::AgentSessionService& sessions, services::LivenessRecorder& liveness,
           std::chrono::milliseconds poll, std::chrono::milliseconds hello_deadline);
  ~AgentHub();
  AgentHub(const AgentHub&) = delete;
  AgentHub& operator=(const AgentHub&) = delete;

  void Start();
  void Stop();
  void Wake() { loop_.Wake(); }

  // A new socket; its hello clock starts. One that has not sent a hello by the deadline is
  // closed: a client that connects and says nothing would hold a descriptor for nothing.
  std::shared_ptr<AgentConnection> Open(net::WebSocketChannel& channel);
  // The socket sent its hello (checked on the pool from now on, however long the queue) or closed.
  void StopHelloClock(const AgentConnection& connection);
  // After a good hello: the node's socket from now on. A previous socket of the same node is
  // closed: the newest connection wins (an agent that reconnected before the old socket timed
  // out), and two agents fighting over one identity show as repeated reconnects in its activity.
  void Register(const std::string& node_id, const std::shared_ptr<AgentConnection>& connection);
  void Unregister(const std::string& node_id, const std::shared_ptr<AgentConnection>& connection);
  // false when the queue is full: the caller closes the socket and the agent retries later.
  bool Submit(std::function<void()> job) { return pool_.TrySubmit(std::move(job)); }
  // Hellos are checked in batches (AgentSessionService::Hellos: one transaction for all that
  // waited), so a whole fleet reconnecting at once is not one commit per node. `answer` runs on
  // the pool. false when too many wait already.
  using HelloAnswer = std::function<void(Result<services::AgentConnected>)>;
  bool SubmitHello(services::HelloRequest request, HelloAnswer answer);
  // A closed socket's node is marked disconnected in batches too (a shutdown closes them all).
  bool SubmitDisconnect(std::string node_id, Timestamp connected_since);
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] std::size_t awaiting_hello() const;
  [[nodiscard]] std::size_t jobs_queued() const { return pool_.queue_depth(); }

  services::AgentSessionService& sessions() { return sessions_; }
  services::LivenessRecorder& liveness() { return liveness_; }

 private:
  bool Pass();
  void CloseSilentSockets();
  struct PendingHello {
    services::HelloRequest request;
    HelloAnswer answer;
  };
  void AnswerHellos(std::vector<PendingHello> batch);
  void RecordDisconnects(const std::vector<services::AgentDisconnect>& batch);
  [[nodiscard]] std::shared_ptr<AgentConnection> Find(std::string_view node_id) const;

  services::AgentSessionService& sessions_;
  services::LivenessRecorder& liveness_;
  log::Logger logger_{"agents"};
  mutable std::mutex mutex_;
  std::uint64_t next_number_ = 1;
  std::map<std::string, std::shared_ptr<AgentConnection>, std::less<>> by_node_;
  struct AwaitingHello {
    std::weak_ptr<AgentConnection> connection;
    std::chrono::steady_clock::time_point deadline;
  };
  const std::chrono::milliseconds hello_deadline_;
  std::map<std::uint64_t, AwaitingHello> awaiting_hello_;  // by connection number
  net::BlockingPool pool_;
  BatchDrain<PendingHello> hellos_;
  BatchDrain<services::AgentDisconnect> disconnects_;
  WorkerLoop loop_;  // last: its thread stops before the members it uses go
};

}  // namespace gpuaas::api
