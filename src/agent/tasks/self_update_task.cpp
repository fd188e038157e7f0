#include "agent/tasks/self_update_task.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "agent/state/atomic_file.hpp"
#include "agent/transport/http_client.hpp"
#include "shared/secret.hpp"

namespace gpuaas::agent::tasks {
namespace {

constexpr std::string_view kReleasesPrefix = "/api/v1/agent/releases/";
constexpr auto kDownloadTimeout = std::chrono::seconds(120);

Result<std::string> RequiredString(const boost::json::object& params, std::string_view field) {
  const auto* value = params.if_contains(field);
  if (value == nullptr || !value->is_string() || value->as_string().empty()) {
    return Error::InvalidArgument(std::string(field), "the self_update task must name it");
  }
  return std::string(value->as_string());
}

bool IsLowerHex(std::string_view text) { return text.find_first_not_of("0123456789abcdef") == std::string_view::npos; }

}  // namespace

Result<SelfUpdateParams> ParseSelfUpdateParams(const boost::json::object& params) {
  SelfUpdateParams parsed;
  GPUAAS_ASSIGN_OR_RETURN(parsed.download_path, RequiredString(params, "download_path"));
  GPUAAS_ASSIGN_OR_RETURN(parsed.sha256, RequiredString(params, "sha256"));
  GPUAAS_ASSIGN_OR_RETURN(parsed.version, RequiredString(params, "version"));
  // Only this server's release path: the task cannot point the agent at another host.
  if (!parsed.download_path.starts_with(kReleasesPrefix) || parsed.download_path.find("..") != std::string::npos) {
    return Error::InvalidArgument("download_path", "must be a path under " + std::string(kReleasesPrefix));
  }
  if (parsed.sha256.size() != 64 || !IsLowerHex(parsed.sha256)) {
    return Error::InvalidArgument("sha256", "must be 64 lowercase hex digits");
  }
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
  GPUAAS_ASSIGN_OR_RETURN(auto download,
                          transport::Get(server, release.download_path, kDownloadTimeout, kMaxAgentBinaryBytes));
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
