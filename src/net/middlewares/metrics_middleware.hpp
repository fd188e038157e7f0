#pragma once

#include "net/metrics_registry.hpp"
#include "net/middleware.hpp"

namespace gpuaas::net {

// Counts and times every request by route template (never the raw path: bounded cardinality).
class MetricsMiddleware final : public Middleware {
 public:
  explicit MetricsMiddleware(MetricsRegistry& metrics) : metrics_(metrics) {}
  Result<Response> Handle(Request& request, const Route* route, const Next& next) override;

 private:
  MetricsRegistry& metrics_;
};

}  // namespace gpuaas::net
