#pragma once

#include <string>
#include <string_view>

namespace gpuaas {

// Appends `text` to `out` as a JSON string literal (quotes included). Invalid UTF-8 bytes
// are replaced by U+FFFD so a log line or response stays valid JSON whatever a client sent.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace gpuaas
