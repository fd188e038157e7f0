#pragma once

#include <chrono>
#include <cstdint>

namespace gpuaas {

using Timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

// Wall-clock time in UTC. Services take a Clock so tests can fix "now".
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual Timestamp Now() const = 0;
};

// Microseconds since the Unix epoch: how the operations engine stores times it compares in SQL.
inline std::int64_t MicrosSinceEpoch(Timestamp time) { return time.time_since_epoch().count(); }

class SystemClock final : public Clock {
 public:
  [[nodiscard]] Timestamp Now() const override;
};

}  // namespace gpuaas
