#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gpuaas::net {

// Prometheus metrics of the HTTP server: request count and latency histogram by method,
// route template and status; requests in flight; build info. Lock-free on the hot path
// once a series exists (atomics), a shared lock to find it.
class MetricsRegistry {
 public:
  static constexpr std::array<double, 14> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                             0.1,    0.25,  0.5,    1.0,   2.5,  5.0,   10.0};

  MetricsRegistry();
  void SetBuildInfo(std::string version, std::string commit);
  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestEnded() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  // `method` and `route` must outlive the registry (MethodName() and the router's templates
  // do): their addresses key a per-thread cache of series.
  void RequestFinished(std::string_view method, std::string_view route, int status, std::chrono::nanoseconds elapsed);
  void RecordRejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }
  void SetQueueDepthProbe(std::function<std::size_t()> probe) { queue_depth_ = std::move(probe); }
  // Metrics other parts of the server keep themselves (the agent hub, liveness): `render`
  // returns complete exposition lines (HELP, TYPE, samples), appended on every scrape.
  // Set at start-up, before the server serves.
  void AddCollector(std::function<std::string()> render) { collectors_.push_back(std::move(render)); }

  // The text exposition format, version 0.0.4.
  [[nodiscard]] std::string Render() const;

 private:
  struct Series {
    std::string method;
    std::string route;
    int status = 0;
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_ns{0};
    std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size()> buckets{};
  };
  Series& Find(std::string_view method, std::string_view route, int status);
  Series& FindLocked(std::string_view method, std::string_view route, int status);

  const std::uint64_t id_;  // distinguishes registries in the per-thread lookup cache
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Series>> series_;
  std::atomic<std::int64_t> in_flight_{0};
  std::atomic<std::uint64_t> rejected_{0};
  std::function<std::size_t()> queue_depth_;
  std::vector<std::function<std::string()>> collectors_;
  std::string version_;
  std::string commit_;
};

// Holds an in-flight slot for the lifetime of one request.
class InFlightGuard {
 public:
  explicit InFlightGuard(MetricsRegistry& metrics) : metrics_(metrics) { metrics_.RequestStarted(); }
  ~InFlightGuard() { metrics_.RequestEnded(); }
  InFlightGuard(const InFlightGuard&) = delete;
  InFlightGuard& operator=(const InFlightGuard&) = delete;

 private:
  MetricsRegistry& metrics_;
};

}  // namespace gpuaas::net
