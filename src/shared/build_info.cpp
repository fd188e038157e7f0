#include "shared/build_info.hpp"

namespace gpuaas {

const BuildInfo& GetBuildInfo() {
  static constexpr BuildInfo kInfo{GPUAAS_VERSION, GPUAAS_GIT_COMMIT, GPUAAS_BUILD_TYPE};
  return kInfo;
}

std::string VersionString() {
  const auto& build = GetBuildInfo();
  return std::string(build.version) + " (" + std::string(build.commit) + ")";
}

}  // namespace gpuaas
