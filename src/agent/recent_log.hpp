#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "shared/log.hpp"

namespace gpuaas::agent {

// The agent's log sink: every JSON line goes to stderr (journald keeps it on real hosts), and the
// last `capacity` lines stay in memory so the collect_diagnostics task can return them.
class RecentLogSink final : public log::Sink {
 public:
  explicit RecentLogSink(std::size_t capacity, bool echo_to_stderr = true)
      : capacity_(capacity), echo_to_stderr_(echo_to_stderr) {}

  void Write(std::string_view line) override;
  [[nodiscard]] std::vector<std::string> Lines() const;

 private:
  const std::size_t capacity_;
  const bool echo_to_stderr_;
  mutable std::mutex mutex_;
  std::deque<std::string> lines_;
};

inline constexpr std::size_t kRecentLogLines = 200;

}  // namespace gpuaas::agent
