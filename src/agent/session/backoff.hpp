#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace gpuaas::agent::session {

struct BackoffPolicy {
  std::chrono::milliseconds initial{1000};
  std::chrono::milliseconds cap{30000};
};

// Jittered exponential backoff for reconnects and renewal retries. "Equal jitter": the n-th delay
// is half of min(cap, initial * 2^n) plus a uniform random part of up to the other half. The random
// half spreads a fleet that lost the server at once; the fixed half keeps a floor, so a node never
// hammers a server that is refusing it.
class Backoff {
 public:
  Backoff(BackoffPolicy policy, std::uint64_t seed) : policy_(policy), random_(seed) {}

  // The delay before the next attempt; each call doubles the ceiling up to the cap.
  std::chrono::milliseconds Next();
  // A delay at the cap straight away, for a server that refused this node (revoked or retired).
  std::chrono::milliseconds AtCap();
  // After a success: the next failure starts again from `initial`.
  void Reset() { attempts_ = 0; }

  [[nodiscard]] int attempts() const { return attempts_; }
  [[nodiscard]] const BackoffPolicy& policy() const { return policy_; }

 private:
  std::chrono::milliseconds Jittered(std::chrono::milliseconds ceiling);

  BackoffPolicy policy_;
  std::mt19937_64 random_;
  int attempts_ = 0;
};

}  // namespace gpuaas::agent::session
