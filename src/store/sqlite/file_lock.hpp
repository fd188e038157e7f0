#pragma once

#include <memory>
#include <string>

#include "shared/result.hpp"

namespace gpuaas::store {

// An exclusive advisory lock (flock) on `<database>.lock`, held for the process's use of the
// database file. A second server on the same file is refused instead of writing beside the
// first: concurrent writers and checkpointers can corrupt a WAL database on SQLite < 3.51.3,
// Debian 12's 3.40 included. The lock file records the holder's PID for the error message.
class FileLock {
 public:
  static Result<std::unique_ptr<FileLock>> Acquire(const std::string& database_path);
  explicit FileLock(int fd) : fd_(fd) {}  // takes ownership of `fd`
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace gpuaas::store
