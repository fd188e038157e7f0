#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace gpuaas::wire {

enum class JsonLayout {
  kCompact,  // one line, no spaces: what goes over the wire
  kPretty,   // two-space indentation, one member per line, a final newline: what people read
};

// `json` as text. Unlike boost::json::serialize, doubles are written in their shortest
// round-trip decimal form ("125.71", "700", not "1.2571E2", "7E2"), so telemetry stays readable;
// non-finite doubles, which JSON cannot carry, become null.
std::string FormatJson(const boost::json::value& json, JsonLayout layout);

}  // namespace gpuaas::wire
