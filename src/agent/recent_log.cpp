#include "agent/recent_log.hpp"

#include <cstdio>

namespace gpuaas::agent {

void RecentLogSink::Write(std::string_view line) {
  const std::lock_guard lock(mutex_);
  if (echo_to_stderr_) {
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
  }
  lines_.emplace_back(line);
  while (lines_.size() > capacity_) lines_.pop_front();
}

std::vector<std::string> RecentLogSink::Lines() const {
  const std::lock_guard lock(mutex_);
  return {lines_.begin(), lines_.end()};
}

}  // namespace gpuaas::agent
