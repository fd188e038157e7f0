#include "net/blocking_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace gpuaas::net {
namespace {

TEST(BlockingPool, RunsSubmittedJobs) {
  std::atomic<int> ran{0};
  {
    BlockingPool pool(2, 100);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(pool.TrySubmit([&ran] { ran.fetch_add(1); }));
  }  // destruction drains the queue
  EXPECT_EQ(ran.load(), 50);
}

TEST(BlockingPool, RefusesWorkBeyondItsQueueLimit) {
  BlockingPool pool(1, 2);
  std::promise<void> release;
  auto released = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.TrySubmit([&started, released] {
    started.set_value();
    released.wait();
  }));
  started.get_future().wait();  // the only worker is now busy
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_EQ(pool.queue_depth(), 2u);
  EXPECT_FALSE(pool.TrySubmit([] {}));
  release.set_value();
}

TEST(BlockingPool, RefusesWorkAfterShutdown) {
  BlockingPool pool(1, 10);
  pool.Shutdown();
  EXPECT_FALSE(pool.TrySubmit([] {}));
}

}  // namespace
}  // namespace gpuaas::net
