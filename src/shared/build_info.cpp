#include "shared/build_info.hpp"

namespace gpuaas {

std::string_view BuildCommit();  // generated at build time: build_commit.cpp

const BuildInfo& GetBuildInfo() {
  static const BuildInfo kInfo{GPUAAS_VERSION, BuildCommit(), GPUAAS_BUILD_TYPE};
  return kInfo;
}

std::string VersionString() {
  const auto& build = GetBuildInfo();
  return std::string(build.version) + " (" + std::string(build.commit) + ")";
}

}  // namespace gpuaas
