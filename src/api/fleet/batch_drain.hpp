#pragma once

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include "net/blocking_pool.hpp"

namespace gpuaas::api {

// Work items that one job on a pool takes in batches: while the job runs, new items queue up and
// go in its next batch, so a burst (a fleet reconnecting, or disconnecting at shutdown) costs one
// database transaction per batch rather than one per item.
template <typename Item>
class BatchDrain {
 public:
  using Handle = std::function<void(std::vector<Item>)>;

  BatchDrain(net::BlockingPool& pool, std::size_t batch, std::size_t limit, Handle handle)
      : pool_(pool), batch_(batch), limit_(limit), handle_(std::move(handle)) {}

  // false when `limit` items wait already or the pool refuses the job: the caller sheds the work.
  bool Push(Item item) {
    {
      const std::lock_guard lock(mutex_);
      if (items_.size() >= limit_) return false;
      items_.push_back(std::move(item));
      if (scheduled_) return true;
      scheduled_ = true;
    }
    if (pool_.TrySubmit([this] { Drain(); })) return true;
    const std::lock_guard lock(mutex_);
    scheduled_ = false;
    items_.pop_back();
    return false;
  }

 private:
  void Drain() {
    for (;;) {
      std::vector<Item> batch;
      {
        const std::lock_guard lock(mutex_);
        if (items_.empty()) {
          scheduled_ = false;
          return;
        }
        const auto take = std::min(items_.size(), batch_);
        batch.reserve(take);
        for (std::size_t i = 0; i < take; ++i) {
          batch.push_back(std::move(items_.front()));
          items_.pop_front();
        }
      }
      handle_(std::move(batch));
    }
  }

  net::BlockingPool& pool_;
  const std::size_t batch_;
  const std::size_t limit_;
  const Handle handle_;
  std::mutex mutex_;
  std::deque<Item> items_;
  bool scheduled_ = false;  // one drain job at a time
};

}  // namespace gpuaas::api
