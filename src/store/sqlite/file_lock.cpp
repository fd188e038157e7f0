#include "store/sqlite/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gpuaas::store {

Result<std::unique_ptr<FileLock>> FileLock::Acquire(const std::string& database_path) {
  const std::string path = database_path + ".lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Error::Unavailable("cannot open lock file " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[32] = {};
    const auto n = ::pread(fd, holder, sizeof holder - 1, 0);
    ::close(fd);
    std::string who = n > 0 ? " (pid " + std::string(holder, static_cast<std::size_t>(n)) + ")" : "";
    return Error(ErrorCode::kFailedPrecondition,
                 "database " + database_path + " is already in use by another gpuaas-server process" + who +
                     "; SQLite allows one server per database file. Stop the other process or use PostgreSQL "
                     "for several replicas.");
  }
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // The lock is what matters; the PID is only a courtesy for the message above.
  }
  return std::make_unique<FileLock>(fd);
}

FileLock::~FileLock() { ::close(fd_); }  // closing releases the flock

}  // namespace gpuaas::store
