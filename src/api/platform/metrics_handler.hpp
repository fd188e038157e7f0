#pragma once

#include "net/http_types.hpp"
#include "net/metrics_registry.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// GET /metrics in the Prometheus text format.
class MetricsHandler {
 public:
  explicit MetricsHandler(const net::MetricsRegistry& metrics) : metrics_(metrics) {}
  Result<net::Response> operator()(net::Request& request) const;

 private:
  const net::MetricsRegistry& metrics_;
};

}  // namespace gpuaas::api
