#include "shared/token_bucket.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace gpuaas {
namespace {

const Timestamp kStart{std::chrono::seconds{1'800'000'000}};

Timestamp At(double seconds) {
  return kStart + std::chrono::microseconds{static_cast<std::int64_t>(seconds * 1'000'000)};
}

TEST(TokenBucketLimiter, AllowsABurstUpToCapacityThenRefuses) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{5, 1};
  for (int i = 0; i < 5; ++i) {
    const auto decision = limiter.Take("user", policy, kStart);
    EXPECT_TRUE(decision.allowed) << i;
    EXPECT_EQ(decision.retry_after_seconds, 0);
  }
  const auto refused = limiter.Take("user", policy, kStart);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);
}

TEST(TokenBucketLimiter, RetryAfterIsTheCeilingOfTheWait) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy slow{2, 0.25};  // one token every 4 s
  EXPECT_TRUE(limiter.Take("k", slow, kStart, 2).allowed);
  EXPECT_EQ(limiter.Take("k", slow, kStart).retry_after_seconds, 4);
  EXPECT_EQ(limiter.Take("k", slow, At(1)).retry_after_seconds, 3);
  EXPECT_EQ(limiter.Take("k", slow, At(3.5)).retry_after_seconds, 1);     // 0.5 s left rounds up
  EXPECT_EQ(limiter.Take("k", slow, At(3.5), 2).retry_after_seconds, 5);  // 1.125 tokens short: 4.5 s
  EXPECT_TRUE(limiter.Take("k", slow, At(4)).allowed);
}

TEST(TokenBucketLimiter, RefusalTakesNothing) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{1, 1};
  EXPECT_TRUE(limiter.Take("k", policy, kStart).allowed);
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(limiter.Take("k", policy, At(0.5)).allowed);
  EXPECT_TRUE(limiter.Take("k", policy, At(1)).allowed);
}

TEST(TokenBucketLimiter, RefillsOverTimeUpToCapacity) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{10, 2};
  EXPECT_TRUE(limiter.Take("k", policy, kStart, 10).allowed);
  EXPECT_FALSE(limiter.Take("k", policy, kStart).allowed);
  EXPECT_TRUE(limiter.Take("k", policy, At(1.5), 3).allowed);  // 3 tokens back after 1.5 s
  EXPECT_FALSE(limiter.Take("k", policy, At(1.5)).allowed);
  // A long idle period refills to capacity, not beyond.
  EXPECT_TRUE(limiter.Take("k", policy, At(1000), 10).allowed);
  EXPECT_FALSE(limiter.Take("k", policy, At(1000)).allowed);
}

TEST(TokenBucketLimiter, ToleratesRoundingInFractionalRefill) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{1, 0.1};
  EXPECT_TRUE(limiter.Take("k", policy, kStart).allowed);
  for (int i = 1; i <= 10; ++i) {
    // Ten refills of 0.1 add up to 0.9999999999999999 in doubles; the tenth must still be allowed.
    EXPECT_EQ(limiter.Take("k", policy, At(i)).allowed, i == 10) << i;
  }
}

TEST(TokenBucketLimiter, ClockGoingBackwardsDoesNotRefillTwice) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{1, 1};
  EXPECT_TRUE(limiter.Take("k", policy, At(10)).allowed);
  EXPECT_FALSE(limiter.Take("k", policy, At(9)).allowed);
  EXPECT_FALSE(limiter.Take("k", policy, At(10.5)).allowed);
  EXPECT_TRUE(limiter.Take("k", policy, At(11)).allowed);
}

TEST(TokenBucketLimiter, KeysAreIndependent) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{2, 1};
  EXPECT_TRUE(limiter.Take("alice", policy, kStart, 2).allowed);
  EXPECT_FALSE(limiter.Take("alice", policy, kStart).allowed);
  EXPECT_TRUE(limiter.Take("bob", policy, kStart).allowed);
  EXPECT_TRUE(limiter.Take("ip:10.0.0.1", policy, kStart, 2).allowed);
  EXPECT_EQ(limiter.size(), 3u);
}

TEST(TokenBucketLimiter, UnmeetableCostsGetTheLongestRetryAfter) {
  TokenBucketLimiter limiter;
  const auto too_big = limiter.Take("k", {5, 1}, kStart, 6);
  EXPECT_FALSE(too_big.allowed);
  EXPECT_EQ(too_big.retry_after_seconds, TokenBucketLimiter::kMaxRetryAfterSeconds);

  EXPECT_TRUE(limiter.Take("fixed", {1, 0}, kStart).allowed);
  const auto no_refill = limiter.Take("fixed", {1, 0}, At(1e6));
  EXPECT_FALSE(no_refill.allowed);
  EXPECT_EQ(no_refill.retry_after_seconds, TokenBucketLimiter::kMaxRetryAfterSeconds);
}

TEST(TokenBucketLimiter, NeverHoldsMoreThanMaxKeys) {
  for (const std::size_t max_keys : {1u, 5u, 16u, 100u, 1000u}) {
    TokenBucketLimiter limiter(max_keys);
    for (int i = 0; i < 5000; ++i) {
      limiter.Take("key-" + std::to_string(i), {10, 1}, kStart);
      ASSERT_LE(limiter.size(), max_keys) << "max_keys " << max_keys << " after " << i;
    }
    EXPECT_EQ(limiter.size(), max_keys);  // 5000 keys reach every shard
  }
}

// Keys that land in one shard, found through behaviour rather than by copying the hash: a limiter of 16
// keys has 16 shards of one bucket, so a second key evicts the first exactly when they share a shard.
std::vector<std::string> KeysSharingAShard(std::size_t count) {
  std::vector<std::string> keys{"probe-0"};
  for (int i = 1; keys.size() < count; ++i) {
    TokenBucketLimiter one_per_shard(16);
    const std::string candidate = "probe-" + std::to_string(i);
    one_per_shard.Take(keys[0], {1, 1}, kStart);
    one_per_shard.Take(candidate, {1, 1}, kStart);
    if (one_per_shard.size() == 1) keys.push_back(candidate);
  }
  return keys;
}

TEST(TokenBucketLimiter, WhenAShardIsFullDropsIdleBucketsFirst) {
  const auto keys = KeysSharingAShard(3);
  TokenBucketLimiter limiter(32);  // 16 shards of two buckets
  const TokenBucketPolicy policy{4, 1};
  EXPECT_TRUE(limiter.Take(keys[0], policy, kStart, 4).allowed);  // spent: the least recently used
  EXPECT_TRUE(limiter.Take(keys[1], policy, kStart).allowed);     // full again by 1.5 s
  EXPECT_TRUE(limiter.Take(keys[2], policy, At(1.5)).allowed);    // the shard is full: keys[1] is dropped
  EXPECT_EQ(limiter.size(), 2u);
  // keys[0] kept its debt: 1.5 tokens, so a cost of 2 waits half a second.
  const auto decision = limiter.Take(keys[0], policy, At(1.5), 2);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.retry_after_seconds, 1);
}

TEST(TokenBucketLimiter, WhenNoBucketIsIdleEvictsTheLeastRecentlyUsed) {
  const auto keys = KeysSharingAShard(3);
  TokenBucketLimiter limiter(32);
  const TokenBucketPolicy policy{4, 1};
  EXPECT_TRUE(limiter.Take(keys[0], policy, kStart, 3).allowed);
  EXPECT_TRUE(limiter.Take(keys[1], policy, kStart, 3).allowed);
  EXPECT_TRUE(limiter.Take(keys[0], policy, kStart).allowed);  // keys[0] is now the most recently used
  EXPECT_TRUE(limiter.Take(keys[2], policy, kStart).allowed);  // evicts keys[1]
  EXPECT_EQ(limiter.size(), 2u);
  EXPECT_FALSE(limiter.Take(keys[0], policy, kStart).allowed);    // still spent
  EXPECT_TRUE(limiter.Take(keys[1], policy, kStart, 4).allowed);  // forgotten, so full again
}

TEST(TokenBucketLimiter, ConcurrentTakesNeverExceedCapacityPlusRefill) {
  TokenBucketLimiter limiter;
  const TokenBucketPolicy policy{100, 10};
  constexpr int kThreads = 8;
  constexpr int kTakesPerThread = 5000;
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTakesPerThread; ++i) {
        // Each thread's clock runs from 0 to 1 s, interleaved with the others, as on a real server.
        const auto now = kStart + std::chrono::microseconds{(i * 1'000'000LL) / kTakesPerThread + t};
        if (limiter.Take("shared", policy, now).allowed) allowed.fetch_add(1, std::memory_order_relaxed);
        limiter.Take("t" + std::to_string(t % 3) + "-" + std::to_string(i % 50), policy, now);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(allowed.load(), 100 + 10);
  EXPECT_GE(allowed.load(), 100);
}

TEST(TokenBucketLimiter, ConcurrentChurnRespectsTheKeyBound) {
  TokenBucketLimiter limiter(64);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        limiter.Take(std::to_string(t) + ":" + std::to_string(i), {3, 1}, At(i * 0.001));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(limiter.size(), 64u);
}

}  // namespace
}  // namespace gpuaas
