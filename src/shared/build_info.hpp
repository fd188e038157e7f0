#pragma once

#include <string_view>

namespace gpuaas {

// What this binary is, as baked in by the build (see src/shared/CMakeLists.txt).
struct BuildInfo {
  std::string_view version;
  std::string_view commit;
  std::string_view build_type;
};

const BuildInfo& GetBuildInfo();

}  // namespace gpuaas
