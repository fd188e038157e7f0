#include "agent/session/backoff.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gpuaas::agent::session {
namespace {

using std::chrono::milliseconds;
constexpr BackoffPolicy kPolicy{.initial = milliseconds(1000), .cap = milliseconds(30000)};

TEST(Backoff, StaysWithinHalfAndAllOfADoublingCeiling) {
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    Backoff backoff(kPolicy, seed);
    auto ceiling = milliseconds(1000);
    for (int attempt = 0; attempt < 10; ++attempt) {
      const auto delay = backoff.Next();
      EXPECT_GE(delay, ceiling / 2) << "attempt " << attempt;
      EXPECT_LE(delay, ceiling) << "attempt " << attempt;
      ceiling = std::min(ceiling * 2, kPolicy.cap);
    }
  }
}

TEST(Backoff, NeverExceedsTheCap) {
  Backoff backoff(kPolicy, 7);
  for (int attempt = 0; attempt < 200; ++attempt) EXPECT_LE(backoff.Next(), kPolicy.cap);
  EXPECT_GE(backoff.Next(), kPolicy.cap / 2);
}

TEST(Backoff, JittersAcrossNodes) {
  std::set<milliseconds::rep> delays;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    Backoff backoff(kPolicy, seed);
    for (int i = 0; i < 4; ++i) backoff.Next();
    delays.insert(backoff.Next().count());  // the fifth delay: somewhere in [8 s, 16 s]
  }
  EXPECT_GT(delays.size(), 10u);
}

TEST(Backoff, ResetStartsAgainFromTheInitialDelay) {
  Backoff backoff(kPolicy, 3);
  for (int i = 0; i < 6; ++i) backoff.Next();
  EXPECT_EQ(backoff.attempts(), 6);
  backoff.Reset();
  EXPECT_EQ(backoff.attempts(), 0);
  EXPECT_LE(backoff.Next(), kPolicy.initial);
}

TEST(Backoff, ARefusedNodeWaitsAtTheCapAtOnce) {
  Backoff backoff(kPolicy, 11);
  const auto delay = backoff.AtCap();
  EXPECT_GE(delay, kPolicy.cap / 2);
  EXPECT_LE(delay, kPolicy.cap);
}

}  // namespace
}  // namespace gpuaas::agent::session
