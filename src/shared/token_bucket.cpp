#include "shared/token_bucket.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iterator>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace gpuaas {
namespace {

// Refill arithmetic in doubles leaves dust (0.1 * 10 may land just under 1); without this slack a request
// could be refused for lack of a billionth of a token.
constexpr double kTokenSlack = 1e-9;

// A bucket's clock only moves forward, so calls from threads whose readings arrive out of order cannot
// credit the same interval twice.
double SecondsSince(Timestamp earlier, Timestamp now) {
  return now > earlier ? std::chrono::duration<double>(now - earlier).count() : 0.0;
}

}  // namespace

struct TokenBucketLimiter::Shard {
  struct Bucket {
    std::string key;
    double tokens;
    Timestamp updated;
    TokenBucketPolicy policy;  // the last one used, so a sweep can tell whether the bucket is full again
  };

  explicit Shard(std::size_t max_buckets) : capacity(max_buckets) {}

  // The caller's policy wins over the stored one, so a lowered capacity applies at once.
  static void Refill(Bucket& bucket, const TokenBucketPolicy& policy, Timestamp now) {
    const double gained = SecondsSince(bucket.updated, now) * policy.refill_per_second;
    bucket.tokens = std::min(policy.capacity, bucket.tokens + gained);
    bucket.updated = std::max(bucket.updated, now);
    bucket.policy = policy;
  }

  static bool IsFull(const Bucket& bucket, Timestamp now) {
    const double gained = SecondsSince(bucket.updated, now) * bucket.policy.refill_per_second;
    return bucket.tokens + gained + kTokenSlack >= bucket.policy.capacity;
  }

  void Erase(std::list<Bucket>::iterator position) {
    index.erase(position->key);
    buckets.erase(position);
  }

  void MakeRoom(Timestamp now) {
    if (!last_sweep || now - *last_sweep >= std::chrono::seconds(1)) {
      last_sweep = now;
      for (auto it = buckets.begin(); it != buckets.end();) {
        const auto next = std::next(it);
        if (IsFull(*it, now)) Erase(it);
        it = next;
      }
    }
    while (buckets.size() >= capacity && !buckets.empty()) Erase(std::prev(buckets.end()));
  }

  std::mutex mutex;
  const std::size_t capacity;
  std::list<Bucket> buckets;  // most recently used first
  // Views into the keys held by `buckets`: list nodes never move, so the views stay valid until erased.
  std::unordered_map<std::string_view, std::list<Bucket>::iterator> index;
  std::optional<Timestamp> last_sweep;
};

TokenBucketLimiter::TokenBucketLimiter(std::size_t max_keys)
    : shard_count_(std::clamp<std::size_t>(max_keys, 1, kMaxShards)) {
  // Fewer keys than shards means fewer shards, so that every shard can hold at least one bucket and the
  // total never exceeds max_keys.
  const std::size_t total = std::max<std::size_t>(max_keys, 1);
  for (std::size_t i = 0; i < shard_count_; ++i) {
    shards_[i] = std::make_unique<Shard>(total / shard_count_ + (i < total % shard_count_ ? 1 : 0));
  }
}

TokenBucketLimiter::~TokenBucketLimiter() = default;

TokenBucketLimiter::Shard& TokenBucketLimiter::ShardFor(std::string_view key) {
  // The unordered_map inside the shard uses the same hash, so the shard is picked from bits mixed
  // differently; otherwise each shard's keys would crowd into a fraction of its hash buckets.
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  const std::uint64_t mixed = (hash * 0x9E3779B97F4A7C15ull) >> 32;
  return *shards_[mixed % shard_count_];
}

RateDecision TokenBucketLimiter::Take(std::string_view key, const TokenBucketPolicy& policy, Timestamp now,
                                      double cost) {
  Shard& shard = ShardFor(key);
  const std::lock_guard lock(shard.mutex);

  Shard::Bucket* bucket = nullptr;
  if (const auto found = shard.index.find(key); found != shard.index.end()) {
    shard.buckets.splice(shard.buckets.begin(), shard.buckets, found->second);
    bucket = &*found->second;
  } else {
    if (shard.buckets.size() >= shard.capacity) shard.MakeRoom(now);
    shard.buckets.push_front({std::string(key), policy.capacity, now, policy});
    shard.index.emplace(shard.buckets.front().key, shard.buckets.begin());
    bucket = &shard.buckets.front();
  }

  Shard::Refill(*bucket, policy, now);
  if (cost <= bucket->tokens + kTokenSlack) {
    bucket->tokens = std::max(0.0, bucket->tokens - cost);
    return {true, 0};
  }

  const double wait_seconds = (cost - bucket->tokens) / policy.refill_per_second;
  // Also catches NaN and infinity: no refill, or a cost the bucket can never hold.
  if (cost > policy.capacity || !(wait_seconds < static_cast<double>(kMaxRetryAfterSeconds))) {
    return {false, kMaxRetryAfterSeconds};
  }
  const auto whole_seconds = static_cast<std::int64_t>(std::ceil(wait_seconds - kTokenSlack));
  return {false, std::max<std::int64_t>(1, whole_seconds)};
}

std::size_t TokenBucketLimiter::size() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < shard_count_; ++i) {
    const std::lock_guard lock(shards_[i]->mutex);
    total += shards_[i]->buckets.size();
  }
  return total;
}

}  // namespace gpuaas
