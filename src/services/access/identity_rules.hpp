#pragma once

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::services {

// Validation shared by every service that takes these values; each error names `field`.
Result<std::string> NormalizeEmail(std::string_view email, std::string_view field = "email");
// A human-readable name (display names, project, tenant, key and token names): trimmed,
// 1 to `max_length` characters, no control characters.
Result<std::string> ValidateName(std::string_view name, std::string_view field, std::size_t max_length = 100);

}  // namespace gpuaas::services
