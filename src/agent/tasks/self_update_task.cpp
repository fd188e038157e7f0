#include "agent/tasks/self_update_task.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "agent/state/atomic_file.hpp"
#include "agent/transport/http_client.hpp"
#include "shared/secret.hpp"
#include "wire/fleet/agent_protocol.hpp"
#include "wire/json_object_reader.hpp"

namespace gpuaas::agent::tasks {
namespace {

constexpr auto kDownloadTimeout = std::chrono::seconds(120);

bool IsLowerHex(std::string_view text) { return text.find_first_not_of("0123456789abcdef") == std::string_view::npos; }

}  // namespace

Result<SelfUpdateParams> ParseSelfUpdateParams(const boost::json::object& params) {
  const boost::json::value json(params);
  GPUAAS_ASSIGN_OR_RETURN(auto reader, wire::JsonObjectReader::Open(json, ""));
  SelfUpdateParams parsed{reader.String("download_path"), reader.String("sha256"), reader.String("version")};
  // Only this server's release path: the task cannot point the agent at another host.
  const auto prefix = wire::fleet::kAgentReleasesPath;
  if (!reader.failed() &&
      (!parsed.download_path.starts_with(prefix) || parsed.download_path.find("..") != std::string::npos)) {
    reader.Fail("download_path", "must be a path under " + std::string(prefix));
  }
  if (!reader.failed() && (parsed.sha256.size() != 64 || !IsLowerHex(parsed.sha256))) {
    reader.Fail("sha256", "must be 64 lowercase hex digits");
  }
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  return parsed;
}

Status InstallAgentBinary(const std::filesystem::path& executable, std::string_view binary, std::string_view sha256) {
  const auto actual = Sha256Hex(binary);
  if (actual != sha256) {
    return Error::FailedPrecondition("the downloaded binary's SHA-256 is " + actual + ", the release names " +
                                     std::string(sha256) + "; nothing was installed");
  }
  auto previous = executable;
  previous += ".previous";
  ::unlink(previous.c_str());
  if (::link(executable.c_str(), previous.c_str()) != 0 && errno != ENOENT) {
    return Error::Unavailable("could not keep the running binary as " + previous.string() + ": " +
                              std::strerror(errno));
  }
  return state::WriteFileAtomically(executable, binary, 0755);
}

Result<boost::json::object> SelfUpdateTask(const boost::json::object& params, const std::filesystem::path& executable,
                                           const transport::ServerEndpoint& server) {
  GPUAAS_ASSIGN_OR_RETURN(const auto release, ParseSelfUpdateParams(params));
  GPUAAS_ASSIGN_OR_RETURN(auto download, transport::Get(server, release.download_path, kDownloadTimeout,
                                                        wire::fleet::kMaxAgentBinaryBytes));
  if (download.status != 200) {
    return Error::Unavailable("the server answered " + std::to_string(download.status) + " for " +
                              release.download_path);
  }
  GPUAAS_RETURN_IF_ERROR(InstallAgentBinary(executable, download.body, release.sha256));
  return boost::json::object{{"installed_version", release.version},
                             {"sha256", release.sha256},
                             {"size_bytes", download.body.size()},
                             {"executable", executable.string()}};
}

}  // namespace gpuaas::agent::tasks
