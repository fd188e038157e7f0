#include "services/fleet/agent_release_service.hpp"

#include <fstream>
#include <iterator>

#include "shared/secret.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::services {
Result<AgentRelease> AgentReleaseService::Current() const {
  const auto missing = [this](const std::string& why) {
    return Error::FailedPrecondition("no agent release to publish: " + why +
                                     " (agent_binary_file: " + binary_file_.string() + ")");
  };
  if (binary_file_.empty()) return missing("no file is configured");
  std::error_code error;
  const auto size = std::filesystem::file_size(binary_file_, error);
  if (error) return missing(error.message());
  const auto mtime = std::filesystem::last_write_time(binary_file_, error);
  if (error) return missing(error.message());
  if (size > wire::fleet::kMaxAgentBinaryBytes) return missing("the file is larger than 256 MiB");

  const std::lock_guard lock(mutex_);
  if (cached_ && cached_->size_bytes == size && cached_mtime_ == mtime) return *cached_;
  std::ifstream in(binary_file_, std::ios::binary);
  if (!in) return missing("it cannot be read");
  auto binary =
      std::make_shared<const std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  AgentRelease release;
  release.version = version_;
  release.sha256 = Sha256Hex(*binary);
  release.size_bytes = binary->size();
  release.download_path = wire::fleet::AgentReleaseDownloadPath(release.sha256);
  release.binary = std::move(binary);
  cached_ = release;
  cached_mtime_ = mtime;
  return release;
}

}  // namespace gpuaas::services
