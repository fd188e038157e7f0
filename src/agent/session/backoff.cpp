#include "agent/session/backoff.hpp"

#include <algorithm>

namespace gpuaas::agent::session {

std::chrono::milliseconds Backoff::Next() {
  // Doubling stops at the cap, long before the shift could overflow.
  auto ceiling = policy_.initial;
  for (int i = 0; i < attempts_ && ceiling < policy_.cap; ++i) ceiling *= 2;
  ++attempts_;
  return Jittered(std::min(ceiling, policy_.cap));
}

std::chrono::milliseconds Backoff::AtCap() {
  ++attempts_;
  return Jittered(policy_.cap);
}

std::chrono::milliseconds Backoff::Jittered(std::chrono::milliseconds ceiling) {
  const auto half = ceiling.count() / 2;
  std::uniform_int_distribution<std::int64_t> spread(0, ceiling.count() - half);
  return std::chrono::milliseconds(half + spread(random_));
}

}  // namespace gpuaas::agent::session
