#pragma once

#include <string_view>

namespace gpuaas {

inline constexpr std::string_view kRedacted = "***";

// True for names that hold credentials (password, token, secret, authorization, cookie,
// private key, api key), whatever their case or separators. Logs and read models print
// such values as kRedacted.
bool IsSecretName(std::string_view name);

}  // namespace gpuaas
