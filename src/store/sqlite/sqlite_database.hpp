#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.hpp"
#include "store/sqlite/file_lock.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace gpuaas::store {

struct SqliteOptions {
  std::size_t readers = 4;
  std::size_t write_queue_limit = 4096;
  std::size_t max_batch = 128;
};

// The embedded store. Exactly one connection writes: a writer thread takes queued Write()
// calls and runs them together in one transaction, each inside its own SAVEPOINT so a
// failing one rolls back alone, then commits once. N callers therefore share one fsync
// (synchronous=FULL) instead of paying one each. Reads use a pool of read-only connections.
class SqliteDatabase final : public Database {
 public:
  static Result<std::unique_ptr<SqliteDatabase>> Open(const std::string& path, const SqliteOptions& options);
  SqliteDatabase(std::unique_ptr<FileLock> lock, std::unique_ptr<SqliteConnection> writer,
                 std::vector<std::unique_ptr<SqliteConnection>> readers, const SqliteOptions& options);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  [[nodiscard]] Dialect dialect() const override { return Dialect::kSqlite; }
  Status Write(const Work& work) override;
  Status Read(const Work& work) override;
  Status Ping() override;
  [[nodiscard]] StoreStats stats() const override;

 private:
  struct PendingWrite {
    const Work* work;
    std::promise<Status> done;
  };
  void WriterLoop();
  void CommitBatch(std::vector<PendingWrite>& batch);

  SqliteOptions options_;
  std::unique_ptr<FileLock> lock_;
  std::unique_ptr<SqliteConnection> writer_;

  mutable std::mutex write_mutex_;
  std::condition_variable write_ready_;
  std::deque<PendingWrite> write_queue_;
  bool stopping_ = false;
  StoreStats stats_;

  std::mutex read_mutex_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;

  std::jthread writer_thread_;  // last: starts after, and stops before, everything above
};

}  // namespace gpuaas::store
