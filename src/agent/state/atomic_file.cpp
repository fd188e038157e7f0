#include "agent/state/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "agent/unique_fd.hpp"

namespace gpuaas::agent::state {
namespace {

Error IoError(std::string_view what, const std::filesystem::path& path, int error_number) {
  return Error::Unavailable("could not " + std::string(what) + " " + path.string() + ": " +
                            std::strerror(error_number));
}

Status WriteAll(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const auto written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return IoError("write", path, errno);
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return Ok();
}

Status SyncDirectory(const std::filesystem::path& dir) {
  const UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.valid()) return IoError("open", dir, errno);
  if (::fsync(fd.get()) != 0) return IoError("flush", dir, errno);
  return Ok();
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view content, mode_t mode) {
  auto temp = path;
  temp += ".tmp";
  ::unlink(temp.c_str());  // a leftover of a crash mid-write; O_EXCL below must not trip over it
  {
    const UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (!fd.valid()) return IoError("create", temp, errno);
    // The umask may have narrowed `mode`; fchmod states it exactly (a 0644 certificate stays readable).
    if (::fchmod(fd.get(), mode) != 0) return IoError("set the mode of", temp, errno);
    GPUAAS_RETURN_IF_ERROR(WriteAll(fd.get(), content, temp));
    if (::fsync(fd.get()) != 0) return IoError("flush", temp, errno);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temp.c_str());
    return IoError("replace", path, error_number);
  }
  return SyncDirectory(path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path());
}

Result<std::string> ReadTextFile(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error == std::errc::no_such_file_or_directory) return Error::NotFound(path.string() + " does not exist");
  if (error) return Error::Unavailable("could not read " + path.string() + ": " + error.message());
  if (size > max_bytes) return Error::FailedPrecondition(path.string() + " is larger than expected");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("read", path, errno);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Status EnsurePrivateDirectory(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Error::Unavailable("could not create " + dir.string() + ": " + error.message());
  if (::chmod(dir.c_str(), 0700) != 0) return IoError("set the mode of", dir, errno);
  return Ok();
}

}  // namespace gpuaas::agent::state
