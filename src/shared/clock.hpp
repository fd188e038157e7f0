#pragma once

#include <chrono>

namespace gpuaas {

using Timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

// Wall-clock time in UTC. Services take a Clock so tests can fix "now".
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] Timestamp Now() const override;
};

}  // namespace gpuaas
