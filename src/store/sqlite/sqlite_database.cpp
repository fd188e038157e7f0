#include "store/sqlite/sqlite_database.hpp"

#include <exception>

namespace gpuaas::store {
namespace {

Status RunGuarded(const Work& work, Session& session) {
  try {
    return work(session);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("exception in database work: ") + e.what());
  }
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path, const SqliteOptions& options) {
  GPUAAS_ASSIGN_OR_RETURN(auto lock, FileLock::Acquire(path));
  // The writer opens first: it creates the file and switches it to WAL before readers attach.
  GPUAAS_ASSIGN_OR_RETURN(auto writer, SqliteConnection::Open(path, SqliteConnection::Mode::kReadWrite));
  std::vector<std::unique_ptr<SqliteConnection>> readers;
  for (std::size_t i = 0; i < options.readers; ++i) {
    GPUAAS_ASSIGN_OR_RETURN(auto reader, SqliteConnection::Open(path, SqliteConnection::Mode::kReadOnly));
    readers.push_back(std::move(reader));
  }
  return std::make_unique<SqliteDatabase>(std::move(lock), std::move(writer), std::move(readers), options);
}

SqliteDatabase::SqliteDatabase(std::unique_ptr<FileLock> lock, std::unique_ptr<SqliteConnection> writer,
                               std::vector<std::unique_ptr<SqliteConnection>> readers, const SqliteOptions& options)
    : options_(options),
      lock_(std::move(lock)),
      writer_(std::move(writer)),
      idle_readers_(std::move(readers)),
      writer_thread_([this] { WriterLoop(); }) {}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(write_mutex_);
    stopping_ = true;
  }
  write_ready_.notify_all();
  writer_thread_ = {};  // joins after the queue is drained
}

Status SqliteDatabase::Write(const Work& work) {
  std::future<Status> done;
  {
    std::lock_guard lock(write_mutex_);
    if (stopping_) return Error::Unavailable("the database is shutting down");
    if (write_queue_.size() >= options_.write_queue_limit) {
      return Error::Unavailable("the database write queue is full; retry shortly");
    }
    write_queue_.push_back(PendingWrite{&work, {}});
    done = write_queue_.back().done.get_future();
  }
  write_ready_.notify_one();
  return done.get();
}

void SqliteDatabase::WriterLoop() {
  std::vector<PendingWrite> batch;
  for (;;) {
    {
      std::unique_lock lock(write_mutex_);
      write_ready_.wait(lock, [this] { return stopping_ || !write_queue_.empty(); });
      if (write_queue_.empty()) return;
      while (!write_queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(write_queue_.front()));
        write_queue_.pop_front();
      }
    }
    CommitBatch(batch);
    batch.clear();
  }
}

void SqliteDatabase::CommitBatch(std::vector<PendingWrite>& batch) {
  if (auto begun = writer_->ExecuteScript("BEGIN IMMEDIATE"); !begun) {
    for (auto& pending : batch) pending.done.set_value(begun.error());
    return;
  }
  std::vector<Status> outcomes;
  outcomes.reserve(batch.size());
  std::size_t succeeded = 0;
  for (auto& pending : batch) {
    auto outcome = writer_->ExecuteScript("SAVEPOINT write_item");
    if (outcome) outcome = RunGuarded(*pending.work, *writer_);
    if (outcome) {
      outcome = writer_->ExecuteScript("RELEASE write_item");
      ++succeeded;
    } else {
      (void)writer_->ExecuteScript("ROLLBACK TO write_item; RELEASE write_item");
    }
    outcomes.push_back(std::move(outcome));
  }
  auto committed = writer_->ExecuteScript("COMMIT");
  if (!committed) (void)writer_->ExecuteScript("ROLLBACK");
  {
    std::lock_guard lock(write_mutex_);
    if (committed) {
      stats_.commits += 1;
      stats_.writes += succeeded;
    }
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    batch[i].done.set_value(committed ? std::move(outcomes[i]) : committed);
  }
}

Status SqliteDatabase::Read(const Work& work) {
  std::unique_ptr<SqliteConnection> reader;
  {
    std::unique_lock lock(read_mutex_);
    reader_free_.wait(lock, [this] { return !idle_readers_.empty(); });
    reader = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  // A read transaction gives the work one consistent snapshot across its queries.
  // Execute (not ExecuteScript) so BEGIN and COMMIT come from the statement cache.
  Status outcome = reader->Execute("BEGIN", {}).ok() ? Ok() : Status(Error::Unavailable("could not begin a read"));
  if (outcome) outcome = RunGuarded(work, *reader);
  (void)reader->Execute("COMMIT", {});
  {
    std::lock_guard lock(read_mutex_);
    idle_readers_.push_back(std::move(reader));
  }
  reader_free_.notify_one();
  return outcome;
}

Status SqliteDatabase::Ping() {
  return Read([](Session& session) -> Status {
    return session.Query("SELECT 1").ok() ? Ok() : Error::Unavailable("the database does not answer");
  });
}

StoreStats SqliteDatabase::stats() const {
  std::lock_guard lock(write_mutex_);
  return stats_;
}

}  // namespace gpuaas::store
