#pragma once

#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/result.hpp"

namespace gpuaas {

// API time is UTC in RFC 3339 with millisecond precision: 2026-11-23T09:06:00.123Z.
std::string FormatRfc3339(Timestamp time);

// Accepts any RFC 3339 date-time (fraction optional, Z or a numeric offset); returns UTC.
Result<Timestamp> ParseRfc3339(std::string_view text);

}  // namespace gpuaas
