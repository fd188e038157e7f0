#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::agent::state {

// Writes `content` to a temporary file beside `path` with `mode`, flushes it to disk and renames it
// over `path`, so a reader (or the agent after a power cut) sees the old file or the new one, never
// half of either. The directory is flushed too, which makes the rename itself durable.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view content, mode_t mode);

// The whole file; not_found when it does not exist, failed_precondition past `max_bytes`.
Result<std::string> ReadTextFile(const std::filesystem::path& path, std::size_t max_bytes = 1 << 20);

// Creates `dir` (and its parents) if missing and sets it to 0700: it holds the node's private key.
Status EnsurePrivateDirectory(const std::filesystem::path& dir);

}  // namespace gpuaas::agent::state
