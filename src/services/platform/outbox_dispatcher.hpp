#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "repositories/platform/outbox_repository.hpp"
#include "shared/clock.hpp"
#include "shared/log.hpp"
#include "shared/worker_loop.hpp"
#include "store/database.hpp"

namespace gpuaas::services {

// A reader of the outbox. Handle() runs inside a transaction that also records the
// consumer's receipt for the event, so a consumer sees each event at most once even though
// the dispatcher delivers at least once.
class OutboxConsumer {
 public:
  virtual ~OutboxConsumer() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  virtual Status Handle(store::Session& session, const repositories::OutboxEventRecord& event) = 0;
  // After a batch this consumer handled has committed (live pushes).
  virtual void AfterCommit() {}
};

struct OutboxDispatcherOptions {
  std::string owner;  // this replica's name in the leader lease
  std::chrono::milliseconds idle_poll{250};
  std::chrono::seconds leader_ttl{5};
  int batch = 200;
  // A test fault: "exit_after_first_consumer" ends the process the moment the first
  // consumer's batch has committed, before the others ran and before the batch was marked.
  std::string fault;
};

// Delivers outbox events in seq order (so in order per resource) to every consumer, at
// least once. One replica dispatches at a time: it holds the "outbox_dispatcher" lease.
// Per batch: each consumer, in its own transaction, handles the events it has no receipt
// for; then the batch is marked dispatched. A crash anywhere in between redelivers the
// batch, and the receipts make the consumers skip what they already did.
class OutboxDispatcher {
 public:
  OutboxDispatcher(store::Database& database, const Clock& clock, OutboxDispatcherOptions options);

  void AddConsumer(OutboxConsumer& consumer) { consumers_.push_back(&consumer); }
  void Start() { loop_.Start(); }
  // Stops, and hands leadership back so another replica takes over at once.
  void Stop();
  // Work has been written: look now instead of at the next poll.
  void Wake() { loop_.Wake(); }

  // One pass: returns how many events were dispatched (0 when idle or not the leader).
  Result<int> DispatchOnce();

 private:
  store::Database& database_;
  const Clock& clock_;
  OutboxDispatcherOptions options_;
  std::vector<OutboxConsumer*> consumers_;
  log::Logger logger_{"outbox"};
  WorkerLoop loop_;  // last: its threads stop before the members they use go
};

}  // namespace gpuaas::services
