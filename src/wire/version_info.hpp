#pragma once

#include <string>

#include "shared/result.hpp"

namespace gpuaas::wire {

// GET /api/v1/version: what the server is. The CLI and agent compare it with their own build.
struct VersionInfo {
  std::string name;
  std::string version;
  std::string commit;
  std::string build_type;
  std::string api_version;
};

std::string ToJson(const VersionInfo& info);
Result<VersionInfo> ParseVersionInfo(std::string_view json);

}  // namespace gpuaas::wire
