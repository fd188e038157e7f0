#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gpuaas::net {

// The threads that run blocking work (the database) off the IO threads. The queue is
// bounded: when it is full TrySubmit() refuses, and the server answers 503 + Retry-After
// instead of letting latency and memory grow without end.
class BlockingPool {
 public:
  BlockingPool(std::size_t threads, std::size_t queue_limit);
  ~BlockingPool();  // runs what is queued, then joins
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  [[nodiscard]] bool TrySubmit(std::function<void()> job);
  [[nodiscard]] std::size_t queue_depth() const;
  void Shutdown();

 private:
  void WorkerLoop();

  const std::size_t queue_limit_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;
};

}  // namespace gpuaas::net
