#include "net/metrics_registry.hpp"

#include <gtest/gtest.h>

namespace gpuaas::net {
namespace {

TEST(MetricsRegistry, CountsByRouteTemplateAndStatus) {
  MetricsRegistry metrics;
  metrics.RequestFinished("GET", "/api/v1/nodes/{node_id}", 200, std::chrono::microseconds(300));
  metrics.RequestFinished("GET", "/api/v1/nodes/{node_id}", 200, std::chrono::milliseconds(20));
  metrics.RequestFinished("GET", "/api/v1/nodes/{node_id}", 404, std::chrono::microseconds(100));
  const auto text = metrics.Render();
  EXPECT_NE(text.find(R"(gpuaas_http_requests_total{method="GET",route="/api/v1/nodes/{node_id}",status="200"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(gpuaas_http_requests_total{method="GET",route="/api/v1/nodes/{node_id}",status="404"} 1)"),
            std::string::npos);
}

TEST(MetricsRegistry, HistogramBucketsAreCumulative) {
  MetricsRegistry metrics;
  metrics.RequestFinished("GET", "/healthz", 200, std::chrono::microseconds(300));  // le 0.0005
  metrics.RequestFinished("GET", "/healthz", 200, std::chrono::milliseconds(20));   // le 0.025
  const auto text = metrics.Render();
  const std::string prefix =
      R"(gpuaas_http_request_duration_seconds_bucket{method="GET",route="/healthz",status="200",)";
  EXPECT_NE(text.find(prefix + R"(le="0.0005"} 1)"), std::string::npos);
  EXPECT_NE(text.find(prefix + R"(le="0.01"} 1)"), std::string::npos);
  EXPECT_NE(text.find(prefix + R"(le="0.025"} 2)"), std::string::npos);
  EXPECT_NE(text.find(prefix + R"(le="+Inf"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(gpuaas_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 2)"),
            std::string::npos);
}

TEST(MetricsRegistry, ReportsInFlightAndBuildInfo) {
  MetricsRegistry metrics;
  metrics.SetBuildInfo("0.1.0", "abc123");
  const InFlightGuard first(metrics);
  {
    const InFlightGuard second(metrics);
    EXPECT_NE(metrics.Render().find("gpuaas_http_requests_in_flight 2\n"), std::string::npos);
  }
  const auto text = metrics.Render();
  EXPECT_NE(text.find("gpuaas_http_requests_in_flight 1\n"), std::string::npos);
  EXPECT_NE(text.find(R"(gpuaas_build_info{version="0.1.0",commit="abc123"} 1)"), std::string::npos);
}

TEST(MetricsRegistry, AppendsWhatCollectorsRenderOnEveryScrape) {
  MetricsRegistry metrics;
  int scrapes = 0;
  metrics.AddCollector([&scrapes] { return "gpuaas_test_scrapes " + std::to_string(++scrapes) + "\n"; });
  EXPECT_NE(metrics.Render().find("gpuaas_test_scrapes 1\n"), std::string::npos);
  EXPECT_NE(metrics.Render().find("gpuaas_test_scrapes 2\n"), std::string::npos);
}

}  // namespace
}  // namespace gpuaas::net
