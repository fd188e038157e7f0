#pragma once

#include <string>

#include "net/http_types.hpp"
#include "net/route.hpp"
#include "services/operations/operation_service.hpp"

namespace gpuaas::api {

// /api/v1/operations and every /api/v1/<family>/{id}/operations catalogue.
class OperationHandlers {
 public:
  explicit OperationHandlers(services::OperationService& operations) : operations_(operations) {}

  // The catalogue route of one family: the target's id is the path parameter `param`, or
  // the fixed `fixed_id` (the platform).
  net::Handler Catalogue(std::string target_type, std::string param, std::string fixed_id = {});
  Result<net::Response> Start(net::Request& request);
  Result<net::Response> Get(net::Request& request);
  Result<net::Response> List(net::Request& request);
  Result<net::Response> Cancel(net::Request& request);
  Result<net::Response> Retry(net::Request& request);

 private:
  services::OperationService& operations_;
};

}  // namespace gpuaas::api
