#pragma once

#include <string_view>
#include <vector>

namespace gpuaas::agent::inventory {

// Splitting and trimming for the line-oriented text the inventory reads (/proc files,
// /etc/os-release, nvidia-smi output). The views point into the input.

// Lines without their "\n" or "\r\n"; a final line without a newline counts, a final newline
// does not start an empty one.
std::vector<std::string_view> SplitLines(std::string_view text);
std::vector<std::string_view> Split(std::string_view text, char separator);
std::string_view Trim(std::string_view text);  // spaces, tabs, CR and LF at both ends

}  // namespace gpuaas::agent::inventory
