#include "shared/worker_loop.hpp"

namespace gpuaas {

void WorkerLoop::Start(int threads) {
  std::lock_guard lock(mutex_);
  stopping_ = false;
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
}

void WorkerLoop::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void WorkerLoop::Wake(bool all) {
  {
    std::lock_guard lock(mutex_);
    pending_wakes_ = all ? static_cast<int>(threads_.size()) : pending_wakes_ + 1;
  }
  if (all) {
    wake_.notify_all();
  } else {
    wake_.notify_one();
  }
}

void WorkerLoop::Run() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    if (pass_()) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, idle_, [this] { return stopping_ || pending_wakes_ > 0; });
    if (pending_wakes_ > 0) --pending_wakes_;
  }
}

}  // namespace gpuaas
