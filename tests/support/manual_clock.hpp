#pragma once

#include <chrono>

#include "shared/clock.hpp"

namespace gpuaas::testing {

// A clock the test moves by hand, starting at the real time of construction.
class ManualClock final : public Clock {
 public:
  [[nodiscard]] Timestamp Now() const override { return now_; }
  void Advance(std::chrono::microseconds by) { now_ += by; }

 private:
  Timestamp now_ = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
};

}  // namespace gpuaas::testing
