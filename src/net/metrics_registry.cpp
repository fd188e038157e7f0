#include "net/metrics_registry.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <vector>

namespace gpuaas::net {
namespace {

void AppendLabels(std::string& out, const std::string& method, const std::string& route, int status) {
  out += "method=\"" + method + "\",route=\"" + route + "\",status=\"" + std::to_string(status) + "\"";
}

std::string FormatSeconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", seconds);
  return buffer;
}

std::atomic<std::uint64_t> g_next_registry_id{1};

// Route templates and method names are long-lived strings, so their addresses identify them;
// each IO thread remembers where a series lives and skips the key building and the lock.
struct CacheKey {
  std::uint64_t registry;
  const char* method;
  const char* route;
  std::size_t route_size;
  int status;
  bool operator==(const CacheKey&) const = default;
};

struct CacheKeyHash {
  std::size_t operator()(const CacheKey& key) const {
    std::size_t hash = std::hash<const void*>()(key.route) ^ (key.registry * 0x9e3779b97f4a7c15ULL);
    hash ^= std::hash<const void*>()(key.method) + 0x9e3779b9 + (hash << 6) + (hash >> 2);
    return hash ^ (static_cast<std::size_t>(key.status) * 31 + key.route_size);
  }
};

}  // namespace

MetricsRegistry::MetricsRegistry() : id_(g_next_registry_id.fetch_add(1)) {}

void MetricsRegistry::SetBuildInfo(std::string version, std::string commit) {
  version_ = std::move(version);
  commit_ = std::move(commit);
}

MetricsRegistry::Series& MetricsRegistry::Find(std::string_view method, std::string_view route, int status) {
  thread_local std::unordered_map<CacheKey, Series*, CacheKeyHash> cache;
  const CacheKey cache_key{id_, method.data(), route.data(), route.size(), status};
  if (const auto it = cache.find(cache_key); it != cache.end()) return *it->second;
  auto& series = FindLocked(method, route, status);
  cache.emplace(cache_key, &series);
  return series;
}

MetricsRegistry::Series& MetricsRegistry::FindLocked(std::string_view method, std::string_view route, int status) {
  std::string key;
  key.reserve(method.size() + route.size() + 6);
  key.append(method).push_back(' ');
  key.append(route).push_back(' ');
  key += std::to_string(status);
  {
    std::shared_lock lock(mutex_);
    if (const auto it = series_.find(key); it != series_.end()) return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = series_[key];
  if (!slot) {
    slot = std::make_unique<Series>();
    slot->method = std::string(method);
    slot->route = std::string(route);
    slot->status = status;
  }
  return *slot;
}

void MetricsRegistry::RequestFinished(std::string_view method, std::string_view route, int status,
                                      std::chrono::nanoseconds elapsed) {
  auto& series = Find(method, route, status);
  series.count.fetch_add(1, std::memory_order_relaxed);
  series.sum_ns.fetch_add(static_cast<std::uint64_t>(elapsed.count()), std::memory_order_relaxed);
  const double seconds = std::chrono::duration<double>(elapsed).count();
  const auto bucket = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds);
  if (bucket != kLatencyBuckets.end()) {
    series.buckets[static_cast<std::size_t>(bucket - kLatencyBuckets.begin())].fetch_add(1, std::memory_order_relaxed);
  }
}

std::string MetricsRegistry::Render() const {
  std::string out;
  out += "# HELP gpuaas_build_info Build of the running server.\n# TYPE gpuaas_build_info gauge\n";
  out += "gpuaas_build_info{version=\"" + version_ + "\",commit=\"" + commit_ + "\"} 1\n";
  out += "# HELP gpuaas_http_requests_in_flight Requests being served now.\n";
  out += "# TYPE gpuaas_http_requests_in_flight gauge\n";
  out += "gpuaas_http_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
  out += "# HELP gpuaas_http_requests_rejected_total Requests refused with 503 because the worker queue was full.\n";
  out += "# TYPE gpuaas_http_requests_rejected_total counter\n";
  out += "gpuaas_http_requests_rejected_total " + std::to_string(rejected_.load()) + "\n";
  if (queue_depth_) {
    out +=
        "# HELP gpuaas_worker_queue_depth Jobs waiting for a worker thread.\n# TYPE gpuaas_worker_queue_depth gauge\n";
    out += "gpuaas_worker_queue_depth " + std::to_string(queue_depth_()) + "\n";
  }
  for (const auto& render : collectors_) out += render();

  std::vector<const Series*> ordered;
  {
    std::shared_lock lock(mutex_);
    for (const auto& [key, series] : series_) ordered.push_back(series.get());
  }
  std::sort(ordered.begin(), ordered.end(), [](const Series* a, const Series* b) {
    return std::tie(a->route, a->method, a->status) < std::tie(b->route, b->method, b->status);
  });

  out += "# HELP gpuaas_http_requests_total HTTP requests served, by route template and status.\n";
  out += "# TYPE gpuaas_http_requests_total counter\n";
  for (const auto* series : ordered) {
    out += "gpuaas_http_requests_total{";
    AppendLabels(out, series->method, series->route, series->status);
    out += "} " + std::to_string(series->count.load()) + "\n";
  }
  out += "# HELP gpuaas_http_request_duration_seconds Time from routed request to response.\n";
  out += "# TYPE gpuaas_http_request_duration_seconds histogram\n";
  for (const auto* series : ordered) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += series->buckets[i].load();
      out += "gpuaas_http_request_duration_seconds_bucket{";
      AppendLabels(out, series->method, series->route, series->status);
      out += ",le=\"" + FormatSeconds(kLatencyBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    const auto count = series->count.load();
    out += "gpuaas_http_request_duration_seconds_bucket{";
    AppendLabels(out, series->method, series->route, series->status);
    out += ",le=\"+Inf\"} " + std::to_string(count) + "\n";
    out += "gpuaas_http_request_duration_seconds_sum{";
    AppendLabels(out, series->method, series->route, series->status);
    out += "} " + FormatSeconds(static_cast<double>(series->sum_ns.load()) / 1e9) + "\n";
    out += "gpuaas_http_request_duration_seconds_count{";
    AppendLabels(out, series->method, series->route, series->status);
    out += "} " + std::to_string(count) + "\n";
  }
  return out;
}

}  // namespace gpuaas::net
