#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "agent/transport/server_url.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::tasks {

// What a self_update task names: the release's download path on this server, the version it
// reports, and its SHA-256. The hash travels in the task over the authenticated stream; the
// download itself is plain HTTP and is trusted only once its bytes hash to it.
struct SelfUpdateParams {
  std::string download_path;  // server-relative, under /api/v1/agent/releases/
  std::string sha256;         // 64 lowercase hex digits
  std::string version;
};
Result<SelfUpdateParams> ParseSelfUpdateParams(const boost::json::object& params);

// Checks `binary` against `sha256`, then swaps it in for `executable` atomically (a temporary
// file beside it, flushed, renamed over it). The binary it replaces stays as <executable>.previous
// for a manual rollback. A mismatch or a failed write leaves `executable` as it was.
Status InstallAgentBinary(const std::filesystem::path& executable, std::string_view binary, std::string_view sha256);

// The task: download, check, install. The session restarts the agent from `executable` after
// reporting success, so the new binary connects and reports its version in its hello.
Result<boost::json::object> SelfUpdateTask(const boost::json::object& params, const std::filesystem::path& executable,
                                           const transport::ServerEndpoint& server);

}  // namespace gpuaas::agent::tasks
