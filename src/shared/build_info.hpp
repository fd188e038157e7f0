#pragma once

#include <string>
#include <string_view>

namespace gpuaas {

// What this binary is, as baked in by the build (see src/shared/CMakeLists.txt).
struct BuildInfo {
  std::string_view version;
  std::string_view commit;
  std::string_view build_type;
};

const BuildInfo& GetBuildInfo();

// "0.1.0 (5a36a96c6a82)": what every program prints for --version.
std::string VersionString();

}  // namespace gpuaas
