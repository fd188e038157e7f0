#include "services/operations/backoff.hpp"

#include <algorithm>

namespace gpuaas::services {

std::chrono::milliseconds RetryDelay(int attempt, std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                     double jitter) {
  const int doublings = std::clamp(attempt - 1, 0, 30);
  const auto exponential = std::min<std::int64_t>(base.count() << doublings, cap.count());
  const double spread = std::clamp(jitter, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(exponential * (0.5 + 0.5 * spread)));
}

}  // namespace gpuaas::services
