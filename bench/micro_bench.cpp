// Micro-benchmarks of the per-request hot path: routing, IDs, log lines, metrics.
#include <benchmark/benchmark.h>

#include "net/metrics_registry.hpp"
#include "net/router.hpp"
#include "shared/clock.hpp"
#include "shared/id.hpp"
#include "shared/log.hpp"

namespace gpuaas {
namespace {

void AddRoutes(net::Router& router) {
  const auto ok = [](net::Request&) -> Result<net::Response> { return net::Response::Text(200, ""); };
  for (const auto* path :
       {"/healthz", "/readyz", "/metrics", "/api/v1/version", "/api/v1/nodes", "/api/v1/nodes/{node_id}",
        "/api/v1/nodes/{node_id}/operations", "/api/v1/workloads", "/api/v1/workloads/{workload_id}", "/{path...}"}) {
    (void)router.Add(net::Route{net::Method::kGet, path, ok});
  }
}

void BM_RouterLiteral(benchmark::State& state) {
  net::Router router;
  AddRoutes(router);
  for (auto _ : state) benchmark::DoNotOptimize(router.Find(net::Method::kGet, "/healthz"));
}
BENCHMARK(BM_RouterLiteral);

void BM_RouterWithParameter(benchmark::State& state) {
  net::Router router;
  AddRoutes(router);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        router.Find(net::Method::kGet, "/api/v1/nodes/node_01m83waxdx2zw84wb9nb6sqfen/operations"));
  }
}
BENCHMARK(BM_RouterWithParameter);

void BM_IdNext(benchmark::State& state) {
  SystemClock clock;
  RandomIdGenerator ids(clock);
  for (auto _ : state) benchmark::DoNotOptimize(ids.Next("req"));
}
BENCHMARK(BM_IdNext);

void BM_AccessLogLine(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(log::FormatLine("2026-11-23T09:06:00.000Z", log::Level::kInfo, "http.access", "request",
                                             {{"request_id", "req_01m83waxdx2zw84wb9nb6sqfen"},
                                              {"method", "GET"},
                                              {"route", "/api/v1/nodes/{node_id}"},
                                              {"status", 200},
                                              {"duration_ms", 0.123}}));
  }
}
BENCHMARK(BM_AccessLogLine);

void BM_MetricsRecord(benchmark::State& state) {
  net::MetricsRegistry metrics;
  for (auto _ : state) metrics.RequestFinished("GET", "/healthz", 200, std::chrono::microseconds(40));
}
BENCHMARK(BM_MetricsRecord)->Threads(1)->Threads(2);

}  // namespace
}  // namespace gpuaas

BENCHMARK_MAIN();
