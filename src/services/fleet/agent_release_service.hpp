#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "shared/result.hpp"

namespace gpuaas::services {

// The agent binary this server publishes for self-update, with its SHA-256. The hash goes to the
// agent inside the self_update task, over its authenticated stream; the download itself is a plain
// GET anyone may make, because the bytes are trusted only if they hash to it.
struct AgentRelease {
  std::string version;  // what agents report after installing it (the agent_version setting)
  std::string sha256;
  std::uint64_t size_bytes = 0;
  std::string download_path;  // /api/v1/agent/releases/{sha256}/gpuaas-agent
  std::shared_ptr<const std::string> binary;
};

class AgentReleaseService {
 public:
  AgentReleaseService(std::filesystem::path binary_file, std::string version)
      : binary_file_(std::move(binary_file)), version_(std::move(version)) {}

  // The file as it is now: read and hashed again only when its size or modification time changed,
  // so an operator who drops a new binary in place publishes it without a restart.
  // failed_precondition when there is no file to publish.
  Result<AgentRelease> Current() const;
  [[nodiscard]] const std::filesystem::path& binary_file() const { return binary_file_; }

 private:
  const std::filesystem::path binary_file_;
  const std::string version_;
  mutable std::mutex mutex_;
  mutable std::optional<AgentRelease> cached_;
  mutable std::filesystem::file_time_type cached_mtime_{};
};

}  // namespace gpuaas::services
