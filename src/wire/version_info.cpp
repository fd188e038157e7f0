#include "wire/version_info.hpp"

#include <boost/json.hpp>

namespace gpuaas::wire {

std::string ToJson(const VersionInfo& info) {
  return boost::json::serialize(boost::json::object{{"name", info.name},
                                                    {"version", info.version},
                                                    {"commit", info.commit},
                                                    {"build_type", info.build_type},
                                                    {"api_version", info.api_version}});
}

Result<VersionInfo> ParseVersionInfo(std::string_view json) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(json, ec);
  if (ec || !value.is_object()) return Error::InvalidArgument("body", "expected a JSON object");
  VersionInfo info;
  const auto& object = value.as_object();
  for (auto [key, field] :
       {std::pair{"name", &info.name}, std::pair{"version", &info.version}, std::pair{"commit", &info.commit},
        std::pair{"build_type", &info.build_type}, std::pair{"api_version", &info.api_version}}) {
    const auto* found = object.if_contains(key);
    if (found == nullptr || !found->is_string()) return Error::InvalidArgument(key, "expected a string");
    *field = std::string(found->as_string());
  }
  return info;
}

}  // namespace gpuaas::wire
