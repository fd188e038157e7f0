#pragma once

#include "net/http_types.hpp"
#include "services/compute/sku_service.hpp"
#include "services/compute/workload_service.hpp"

namespace gpuaas::api {

// /api/v1/skus (the Compute catalog) and /api/v1/workloads.
class ComputeHandlers {
 public:
  ComputeHandlers(const Clock& clock, services::SkuService& skus, services::WorkloadService& workloads)
      : clock_(clock), skus_(skus), workloads_(workloads) {}
  Result<net::Response> Catalog(net::Request& request);
  Result<net::Response> Launch(net::Request& request);
  Result<net::Response> List(net::Request& request);
  Result<net::Response> Get(net::Request& request);

 private:
  const Clock& clock_;
  services::SkuService& skus_;
  services::WorkloadService& workloads_;
};

}  // namespace gpuaas::api
