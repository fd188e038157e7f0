#include "store/postgres/pg_database.hpp"

#include <exception>

namespace gpuaas::store {

Result<std::unique_ptr<PgDatabase>> PgDatabase::Open(const std::string& uri, const PgOptions& options) {
  // Connect once up front so a wrong URL fails at start, not on the first request.
  GPUAAS_ASSIGN_OR_RETURN(auto first, PgConnection::Connect(uri));
  return std::make_unique<PgDatabase>(uri, options, std::move(first));
}

PgDatabase::PgDatabase(std::string uri, const PgOptions& options, std::unique_ptr<PgConnection> first)
    : uri_(std::move(uri)), options_(options), open_(1) {
  idle_.push_back(std::move(first));
}

Result<std::unique_ptr<PgConnection>> PgDatabase::Acquire() {
  {
    std::unique_lock lock(mutex_);
    const bool available = released_.wait_for(lock, options_.acquire_timeout,
                                              [this] { return !idle_.empty() || open_ < options_.pool_size; });
    if (!available) return Error::Unavailable("no database connection free; retry shortly");
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;  // reserve the slot, connect outside the lock
  }
  auto connected = PgConnection::Connect(uri_);
  if (!connected) {
    std::lock_guard lock(mutex_);
    --open_;
    released_.notify_one();
  }
  return connected;
}

void PgDatabase::Release(std::unique_ptr<PgConnection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (connection->healthy()) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;  // a broken connection is dropped; the next Acquire() opens a fresh one
    }
  }
  released_.notify_one();
}

Status PgDatabase::InTransaction(const char* begin, const Work& work) {
  GPUAAS_ASSIGN_OR_RETURN(auto connection, Acquire());
  auto outcome = connection->ExecuteScript(begin);
  if (outcome) {
    try {
      outcome = work(*connection);
    } catch (const std::exception& e) {
      outcome = Error::Internal(std::string("exception in database work: ") + e.what());
    }
  }
  if (outcome) outcome = connection->ExecuteScript("COMMIT");
  if (!outcome) (void)connection->ExecuteScript("ROLLBACK");
  Release(std::move(connection));
  return outcome;
}

Status PgDatabase::Write(const Work& work) {
  auto outcome = InTransaction("BEGIN", work);
  if (outcome) {
    std::lock_guard lock(mutex_);
    stats_.writes += 1;
    stats_.commits += 1;
  }
  return outcome;
}

Status PgDatabase::Read(const Work& work) { return InTransaction("BEGIN READ ONLY", work); }

Status PgDatabase::Ping() {
  return Read([](Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto rows, session.Query("SELECT 1"));
    return Ok();
  });
}

StoreStats PgDatabase::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace gpuaas::store
