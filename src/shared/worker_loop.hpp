#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gpuaas {

// Background threads that run `pass` over and over: at once again when it reports it did
// work, otherwise after `idle` or when woken. The engine of the workers that drain a table
// (operation runner, outbox dispatcher, notification fan-out). Stop() joins; the destructor
// stops.
class WorkerLoop {
 public:
  // `pass` returns true when it did something and there may be more.
  WorkerLoop(std::chrono::milliseconds idle, std::function<bool()> pass) : idle_(idle), pass_(std::move(pass)) {}
  ~WorkerLoop() { Stop(); }
  WorkerLoop(const WorkerLoop&) = delete;
  WorkerLoop& operator=(const WorkerLoop&) = delete;

  void Start(int threads = 1);
  void Stop();
  // Wakes one idle thread (all of them with `all`).
  void Wake(bool all = false);

 private:
  void Run();

  std::chrono::milliseconds idle_;
  std::function<bool()> pass_;
  std::mutex mutex_;
  std::condition_variable wake_;
  int pending_wakes_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace gpuaas
