#include "api/fleet/agent_release_handlers.hpp"

#include "api/handler_support.hpp"
#include "api/request_context.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::api {

Result<net::Response> AgentReleaseHandlers::Current(net::Request& request) {
  GPUAAS_RETURN_IF_ERROR(services::Authorizer::RequirePlatformAdmin(CallerOf(request)));
  GPUAAS_ASSIGN_OR_RETURN(const auto release, releases_.Current());
  return JsonReply(200, boost::json::object{{"version", release.version},
                                            {"sha256", release.sha256},
                                            {"size_bytes", release.size_bytes},
                                            {"download_path", release.download_path}});
}

Result<net::Response> AgentReleaseHandlers::Download(net::Request& request) {
  const auto wanted = request.Param("sha256");
  GPUAAS_ASSIGN_OR_RETURN(const auto release, releases_.Current());
  if (wanted != release.sha256) {
    return Error::NotFound("agent release " + std::string(wanted) +
                           " is not published here; GET /api/v1/agent/release names the current one");
  }
  net::Response response;
  response.content_type = "application/octet-stream";
  response.body = *release.binary;
  response.headers.Add("Content-Disposition", "attachment; filename=\"gpuaas-agent\"");
  response.headers.Add("Cache-Control", "public, max-age=31536000, immutable");  // the path names the content
  return response;
}

}  // namespace gpuaas::api
