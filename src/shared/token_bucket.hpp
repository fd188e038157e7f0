#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "shared/clock.hpp"

namespace gpuaas {

// A bucket holds at most `capacity` tokens and gains `refill_per_second` of them continuously. Expects
// capacity > 0 and refill_per_second >= 0.
struct TokenBucketPolicy {
  double capacity;
  double refill_per_second;
};

struct RateDecision {
  bool allowed;
  // Whole seconds until the refused request could succeed (for the Retry-After header): at least 1 when
  // refused, 0 when allowed.
  std::int64_t retry_after_seconds;
};

// Keyed token buckets for per-principal and per-IP limits, safe to call from any thread.
//
// Time is passed in rather than read, so callers share one clock reading per request and tests need no
// sleeping. A key seen for the first time starts with a full bucket. Times earlier than a bucket's last
// update (clocks of different threads) never refill it twice.
//
// Keys live in shards, each with its own mutex, so IO threads limiting different keys rarely contend.
// Memory is bounded by `max_keys`, split across the shards. When a new key arrives at a full shard:
//   1. buckets that have refilled to capacity are dropped: forgetting them changes nothing, since a
//      recreated bucket starts full (this sweep runs at most once per second per shard, so a flood of
//      new keys cannot make every insertion scan the shard);
//   2. if the shard is still full, the least recently used bucket is evicted. That forgives whatever that
//      key had spent, so size `max_keys` well above the keys active within one refill period.
class TokenBucketLimiter {
 public:
  // A refusal never asks a client to wait longer than this, even when the cost can never be met (cost
  // above capacity, or no refill at all); such a policy is a configuration error, not a client's.
  static constexpr std::int64_t kMaxRetryAfterSeconds = 24 * 60 * 60;

  // A max_keys of 0 is treated as 1.
  explicit TokenBucketLimiter(std::size_t max_keys = 100000);
  ~TokenBucketLimiter();

  TokenBucketLimiter(const TokenBucketLimiter&) = delete;
  TokenBucketLimiter& operator=(const TokenBucketLimiter&) = delete;

  // Takes `cost` tokens from the bucket of `key` if it holds that many; a refusal takes nothing.
  RateDecision Take(std::string_view key, const TokenBucketPolicy& policy, Timestamp now, double cost = 1.0);

  // The number of buckets held, across all shards.
  [[nodiscard]] std::size_t size() const;

 private:
  static constexpr std::size_t kMaxShards = 16;

  struct Shard;

  Shard& ShardFor(std::string_view key);

  std::size_t shard_count_;
  std::array<std::unique_ptr<Shard>, kMaxShards> shards_;
};

}  // namespace gpuaas
