#include "api/platform/version_handler.hpp"

#include "shared/build_info.hpp"
#include "wire/version_info.hpp"

namespace gpuaas::api {

VersionHandler::VersionHandler() {
  const auto& build = GetBuildInfo();
  body_ = wire::ToJson(wire::VersionInfo{"gpuaas-server", std::string(build.version), std::string(build.commit),
                                         std::string(build.build_type), "v1"});
}

Result<net::Response> VersionHandler::operator()(net::Request& /*request*/) const {
  return net::Response::Json(200, body_);
}

}  // namespace gpuaas::api
